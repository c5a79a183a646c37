//! What the lecturer is told when the network is in the way: a port that
//! cannot be opened names the firewall port to open. (A host that cannot
//! be reached, told apart from one that refuses, is tested in src/cli/join:
//! whether a lab's network drops or refuses varies from machine to machine.)

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
