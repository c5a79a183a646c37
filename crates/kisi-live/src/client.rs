//! The student's side of the connection: connects (telling an unreachable
//! host from one that refuses), joins or resumes, and hands what the room
//! says to one sink, from a thread of its own. A dropped connection is
//! taken up again by itself with the session token, and answers sent
//! meanwhile go out once it is back; the host's clock still decides
//! whether they were in time.

use std::collections::VecDeque;
use std::io;
use std::sync::Arc;
use std::thread;
use std::time::Duration;

use futures_util::{SinkExt, StreamExt};
use tokio::net::TcpStream;
use tokio::sync::mpsc;
use tokio_tungstenite::WebSocketStream;
use tokio_tungstenite::tungstenite::Message;
use tokio_tungstenite::tungstenite::protocol::WebSocketConfig;

use kisi_core::room::{ClientMsg, ServerMsg};

use crate::protocol::{self, MAX_SERVER_MESSAGE};

/// How long a connection may take before the host counts as unreachable.
pub const CONNECT_TIMEOUT: Duration = Duration::from_secs(5);
/// How often, and how many times, a dropped connection is tried again.
pub const RETRY_EVERY: Duration = Duration::from_millis(500);
pub const RETRIES: u32 = 240;

/// Why the host could not be reached.
#[derive(Debug)]
pub enum ConnectError {
    /// No answer (wrong address, another network, a firewall dropping).
    Unreachable(io::Error),
    /// The machine answered that nothing listens on the port.
    Refused,
    /// Something answered, but not a kisi room (a web server, say).
    NotARoom,
}

impl ConnectError {
    fn of(error: io::Error) -> Self {
        if error.kind() == io::ErrorKind::ConnectionRefused {
            Self::Refused
        } else {
            Self::Unreachable(error)
        }
    }
}

/// What the client heard.
#[derive(Debug)]
pub enum ClientEvent {
    Server(ServerMsg),
    /// The connection dropped; it is being taken up again.
    Dropped,
    Reconnected,
    /// The connection is gone for good.
    Lost,
}

pub type ClientSink = Arc<dyn Fn(ClientEvent) + Send + Sync>;

type Ws = WebSocketStream<TcpStream>;

async fn open(address: &str) -> Result<Ws, ConnectError> {
    let stream = tokio::time::timeout(CONNECT_TIMEOUT, TcpStream::connect(address))
        .await
        .map_err(|_| ConnectError::Unreachable(io::ErrorKind::TimedOut.into()))?
        .map_err(ConnectError::of)?;
    let _ = stream.set_nodelay(true);
    let config = WebSocketConfig::default()
        .max_message_size(Some(MAX_SERVER_MESSAGE))
        .max_frame_size(Some(MAX_SERVER_MESSAGE));
    let url = format!("ws://{address}/");
    let handshake = tokio_tungstenite::client_async_with_config(url, stream, Some(config));
    match tokio::time::timeout(CONNECT_TIMEOUT, handshake).await {
        Ok(Ok((ws, _))) => Ok(ws),
        Ok(Err(_)) | Err(_) => Err(ConnectError::NotARoom),
    }
}

/// A connection to a room.
pub struct StudentClient {
    outgoing: mpsc::UnboundedSender<ClientMsg>,
}

impl StudentClient {
    /// Connects to `address` (`host:port`) and says `hello` (a join or a
    /// resume) to room `code`; what the room says goes to `sink`.
    ///
    /// # Errors
    /// The host cannot be reached, refuses, or is not a kisi room.
    pub fn connect(
        address: &str,
        code: &str,
        hello: ClientMsg,
        sink: ClientSink,
    ) -> Result<Self, ConnectError> {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .map_err(ConnectError::Unreachable)?;
        let (outgoing, rx) = mpsc::unbounded_channel();
        let (first, first_result) = std::sync::mpsc::channel();
        let address = address.to_owned();
        let code = code.to_owned();
        thread::Builder::new()
            .name("kisi-live-client".to_owned())
            .spawn(move || {
                runtime.block_on(async move {
                    match open(&address).await {
                        Ok(ws) => {
                            let _ = first.send(Ok(()));
                            run(ws, &address, &code, hello, rx, sink.as_ref()).await;
                        }
                        Err(error) => {
                            let _ = first.send(Err(error));
                        }
                    }
                });
            })
            .map_err(ConnectError::Unreachable)?;
        match first_result.recv() {
            Ok(Ok(())) => Ok(Self { outgoing }),
            Ok(Err(error)) => Err(error),
            Err(_) => Err(ConnectError::Unreachable(io::ErrorKind::BrokenPipe.into())),
        }
    }

    /// Sends `msg` (kept until the connection is back, if it dropped).
    pub fn send(&self, msg: ClientMsg) {
        let _ = self.outgoing.send(msg);
    }
}

/// How one connection ended.
enum Ended {
    /// Dropped: take it up again.
    Dropped,
    /// Over for good (the quiz ended, the student was turned away or left).
    Done,
}

async fn run(
    mut ws: Ws,
    address: &str,
    code: &str,
    hello: ClientMsg,
    mut rx: mpsc::UnboundedReceiver<ClientMsg>,
    sink: &(dyn Fn(ClientEvent) + Send + Sync),
) {
    let mut token: Option<String> = match &hello {
        ClientMsg::Resume { token, .. } => Some(token.clone()),
        _ => None,
    };
    let mut pending: VecDeque<ClientMsg> = VecDeque::from([hello]);
    loop {
        match session(&mut ws, &mut pending, &mut token, &mut rx, sink).await {
            Ended::Done => {
                sink(ClientEvent::Lost);
                return;
            }
            Ended::Dropped => {}
        }
        let Some(resume_token) = token.clone() else {
            sink(ClientEvent::Lost);
            return;
        };
        sink(ClientEvent::Dropped);
        let mut back = None;
        for _ in 0..RETRIES {
            tokio::time::sleep(RETRY_EVERY).await;
            if let Ok(again) = open(address).await {
                back = Some(again);
                break;
            }
        }
        let Some(again) = back else {
            sink(ClientEvent::Lost);
            return;
        };
        ws = again;
        pending.push_front(ClientMsg::Resume {
            code: code.to_owned(),
            token: resume_token,
        });
        sink(ClientEvent::Reconnected);
    }
}

async fn session(
    ws: &mut Ws,
    pending: &mut VecDeque<ClientMsg>,
    token: &mut Option<String>,
    rx: &mut mpsc::UnboundedReceiver<ClientMsg>,
    sink: &(dyn Fn(ClientEvent) + Send + Sync),
) -> Ended {
    while let Some(msg) = pending.front() {
        if ws
            .send(Message::text(protocol::encode_client(msg)))
            .await
            .is_err()
        {
            return Ended::Dropped;
        }
        pending.pop_front();
    }
    loop {
        tokio::select! {
            out = rx.recv() => {
                let Some(msg) = out else {
                    let _ = ws.close(None).await;
                    return Ended::Done;
                };
                let text = protocol::encode_client(&msg);
                if ws.send(Message::text(text)).await.is_err() {
                    pending.push_back(msg);
                    return Ended::Dropped;
                }
            }
            incoming = ws.next() => {
                let bytes = match incoming {
                    Some(Ok(Message::Text(text))) => text.as_bytes().to_vec(),
                    Some(Ok(Message::Binary(bytes))) => bytes.to_vec(),
                    Some(Ok(_)) => continue,
                    Some(Err(_)) | None => return Ended::Dropped,
                };
                // A message this kisi cannot read is skipped: the room goes on.
                let Ok(msg) = protocol::decode_server(&bytes) else {
                    continue;
                };
                let done = match &msg {
                    ServerMsg::Welcome { token: given, .. } => {
                        *token = Some(given.clone());
                        false
                    }
                    ServerMsg::End { .. } => true,
                    // Turned away before joining, or for good after.
                    ServerMsg::Error { code, .. } => token.is_none() || code.closes(),
                    _ => false,
                };
                sink(ClientEvent::Server(msg));
                if done {
                    let _ = ws.close(None).await;
                    return Ended::Done;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_refusal_is_told_from_a_host_that_does_not_answer() {
        let of = |kind: io::ErrorKind| ConnectError::of(kind.into());
        assert!(matches!(
            of(io::ErrorKind::ConnectionRefused),
            ConnectError::Refused
        ));
        for kind in [
            io::ErrorKind::TimedOut,
            io::ErrorKind::HostUnreachable,
            io::ErrorKind::NetworkUnreachable,
        ] {
            assert!(matches!(of(kind), ConnectError::Unreachable(_)), "{kind:?}");
        }
    }
}
