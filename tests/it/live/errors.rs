//! What the lecturer and the student are told when the network is in the
//! way: a port that cannot be opened names the firewall port to open; a
//! port nobody listens on is "refused", a wrong code is said as such. (A
//! host that cannot be reached, told apart from one that refuses, is tested
//! in src/cli/join: whether a network drops or refuses varies by machine.)

use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

use super::lecturer;

use crate::common::Session;

#[test]
fn a_host_that_cannot_listen_names_the_port_to_open() {
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = taken.local_addr().unwrap().port().to_string();
    let data = tempfile::tempdir().unwrap();
    let mut host = Session::start(
        &[
            "--lang",
            "en",
            "--data-dir",
            data.path().to_str().unwrap(),
            "host",
            "--bind",
            "127.0.0.1",
            "--port",
            &port,
        ],
        80,
        24,
    );
    assert!(!host.wait_exit().success());
    let output = host.raw_output();
    assert!(
        output.contains(&format!("open TCP port {port} in this machine's firewall")),
        "{output}"
    );
}

/// What `kisi join --plain` says on stderr when it is turned away.
fn refused_join(data: &std::path::Path, address: &str, code: &str) -> String {
    let output = Command::new(env!("CARGO_BIN_EXE_kisi"))
        .args(["--lang", "en", "--data-dir"])
        .arg(data)
        .args(["join", address, code, "--plain", "--name", "Ani"])
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert!(!output.status.success());
    String::from_utf8_lossy(&output.stderr).into_owned()
}

#[test]
fn join_says_when_nobody_listens_or_the_code_is_wrong() {
    let dir = tempfile::tempdir().unwrap();
    // A port just freed: nothing listens there.
    let free = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap();
    let stderr = refused_join(dir.path(), &free.to_string(), "K7XQ2P");
    assert!(stderr.contains("refused the connection"), "{stderr}");
    assert!(
        stderr.contains(&format!("port {}", free.port())),
        "{stderr}"
    );

    let (addr, _code, stop) = lecturer(1, dir.path().join("r.csv"));
    let stderr = refused_join(dir.path(), &addr.to_string(), "ZZZZZZ");
    assert!(stderr.contains("Wrong room code"), "{stderr}");
    let output = Command::new(env!("CARGO_BIN_EXE_kisi"))
        .args(["join", &addr.to_string(), "K0XQ2P", "--plain"])
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let (reply, rx) = mpsc::channel();
    stop.send(reply).unwrap();
    let (_, log) = rx.recv_timeout(Duration::from_secs(5)).unwrap();
    assert!(
        log.iter().any(|l| l.contains("refused from 127.0.0.1")),
        "{log:?}"
    );
}
