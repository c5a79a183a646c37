//! The addresses students can reach the host at: every non-loopback IPv4
//! and IPv6 address of the machine, as `hostname -I` lists them (Linux),
//! or else as `ifconfig` shows them (the BSDs, macOS). Link-local IPv6
//! addresses are left out: they need an interface name to be typed.

use std::net::{IpAddr, SocketAddr};
use std::process::Command;

fn run(program: &str, args: &[&str]) -> Option<String> {
    let output = Command::new(program).args(args).output().ok()?;
    output
        .status
        .success()
        .then(|| String::from_utf8_lossy(&output.stdout).into_owned())
}

/// The addresses in `ifconfig`'s output: the word after each `inet` or
/// `inet6` (without a `%zone`).
fn from_ifconfig(text: &str) -> Vec<IpAddr> {
    let mut found = Vec::new();
    let mut words = text.split_whitespace();
    while let Some(word) = words.next() {
        if matches!(word, "inet" | "inet6")
            && let Some(address) = words.next()
        {
            let address = address.trim_start_matches("addr:");
            if let Ok(ip) = address.split('%').next().unwrap_or("").parse() {
                found.push(ip);
            }
        }
    }
    found
}

/// Keeps the addresses students can type: no loopback, unspecified or
/// link-local ones, no duplicates, IPv4 first.
fn usable(found: Vec<IpAddr>) -> Vec<IpAddr> {
    let mut addresses: Vec<IpAddr> = Vec::new();
    for address in found {
        let link_local = match address {
            IpAddr::V4(v4) => v4.is_link_local(),
            IpAddr::V6(v6) => (v6.segments()[0] & 0xffc0) == 0xfe80,
        };
        if !address.is_loopback()
            && !address.is_unspecified()
            && !link_local
            && !addresses.contains(&address)
        {
            addresses.push(address);
        }
    }
    addresses.sort_by_key(IpAddr::is_ipv6);
    addresses
}

/// The port `kisi host` listens on and `kisi join` tries by default.
pub const DEFAULT_PORT: u16 = 7878;

/// `host` with the default port when it has none; `None` when it cannot
/// be an address (empty, spaces, a bad port).
#[must_use]
pub fn with_default_port(host: &str) -> Option<String> {
    let host = host.trim();
    if host.is_empty() || host.chars().any(char::is_whitespace) {
        return None;
    }
    if host.parse::<std::net::SocketAddr>().is_ok() {
        return Some(host.to_owned());
    }
    if host.parse::<std::net::Ipv6Addr>().is_ok() {
        return Some(format!("[{host}]:{DEFAULT_PORT}"));
    }
    if host.starts_with('[') {
        return None;
    }
    match host.rsplit_once(':') {
        Some((_, port)) => port.parse::<u16>().ok().map(|_| host.to_owned()),
        None => Some(format!("{host}:{DEFAULT_PORT}")),
    }
}

/// The machine's non-loopback addresses.
pub fn local_addresses() -> Vec<IpAddr> {
    let found = match run("hostname", &["-I"]) {
        Some(text) => text
            .split_whitespace()
            .filter_map(|word| word.parse().ok())
            .collect(),
        None => run("ifconfig", &[])
            .map(|text| from_ifconfig(&text))
            .unwrap_or_default(),
    };
    usable(found)
}

/// `address:port` as typed on a command line (IPv6 in brackets).
pub fn with_port(address: IpAddr, port: u16) -> String {
    SocketAddr::new(address, port).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::net::Ipv6Addr;

    #[test]
    fn ifconfig_output_gives_usable_addresses_ipv4_first() {
        let text = "lo0: flags=8049\n\tinet 127.0.0.1 netmask 0xff000000\n\tinet6 ::1 prefixlen 128\n\
                    en0: flags=8863\n\tinet6 fe80::1%en0 prefixlen 64\n\tinet6 2001:db8::5 prefixlen 64\n\
                    \tinet 10.1.2.3 netmask 0xffffff00 broadcast 10.1.2.255\n";
        let found = usable(from_ifconfig(text));
        assert_eq!(
            found.iter().map(ToString::to_string).collect::<Vec<_>>(),
            ["10.1.2.3", "2001:db8::5"]
        );
        assert!(local_addresses().iter().all(|a| !a.is_loopback()));
        assert_eq!(
            with_port(IpAddr::V6(Ipv6Addr::LOCALHOST), 7878),
            "[::1]:7878"
        );
    }
}
