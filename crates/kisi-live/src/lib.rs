//! The live class quiz over the lab network: the versioned protocol
//! (docs/live-protocol.md), the host's server, which feeds what happens to
//! one event loop (the TUI's inbox, or a plain loop), the [`host::Host`]
//! that runs a `kisi_core::room::Room` on those events and writes the
//! results as the quiz goes, and the student's client, which reconnects by
//! itself with its session token. The room's rules are kisi-core's; this
//! crate only moves messages.

pub mod addresses;
pub mod client;
pub mod host;
pub mod protocol;
pub mod results;
pub mod server;

pub use client::{ClientEvent, ConnectError, StudentClient};
pub use host::{Host, HostOptions};
pub use server::{ConnId, NetEvent, Server};
