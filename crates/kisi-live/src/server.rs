//! The host's network side: accepts WebSocket connections on a thread of
//! its own (a small tokio runtime) and turns what arrives into
//! [`NetEvent`]s for one event loop, which alone decides what they mean.
//! Each connection is guarded here, before the loop sees anything: a
//! message too large, malformed or of another version, or a flood over the
//! rate limit (its messages dropped), is answered with an error to that client and reported as
//! [`NetEvent::Refused`] for the host's log; nothing else changes.

use std::collections::HashMap;
use std::io;
use std::net::{IpAddr, SocketAddr, TcpListener};
use std::sync::{Arc, Mutex, PoisonError};
use std::thread;
use std::time::Duration;

use futures_util::{SinkExt, StreamExt};
use tokio::sync::{mpsc, oneshot};
use tokio::time::Instant;
use tokio_tungstenite::tungstenite::Message;
use tokio_tungstenite::tungstenite::protocol::WebSocketConfig;

use kisi_core::room::{ClientMsg, ErrorCode, ServerMsg};

use crate::protocol::{self, MAX_CLIENT_MESSAGE};

/// A connection's number, unique for the server's life.
pub type ConnId = u64;

/// Something that happened on the network.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NetEvent {
    Connected {
        conn: ConnId,
        peer: IpAddr,
    },
    Message {
        conn: ConnId,
        msg: ClientMsg,
    },
    /// What a client sent could not be taken; it was told why.
    Refused {
        conn: ConnId,
        peer: IpAddr,
        code: ErrorCode,
        detail: String,
    },
    Closed {
        conn: ConnId,
    },
}

/// Where the server's events go (the TUI's inbox, a channel).
pub type Sink = Arc<dyn Fn(NetEvent) + Send + Sync>;

enum Outbound {
    Text(String),
    Close,
}

type Conns = Arc<Mutex<HashMap<ConnId, mpsc::UnboundedSender<Outbound>>>>;

/// Messages a connection may send in a burst, and per second after it.
const BURST: f64 = 20.0;
const PER_SECOND: f64 = 10.0;
/// How long a client may take to finish the WebSocket handshake.
const HANDSHAKE_TIMEOUT: Duration = Duration::from_secs(10);

/// A token bucket per connection.
struct RateLimit {
    tokens: f64,
    at: Instant,
    warned: Option<Instant>,
}

impl RateLimit {
    fn new() -> Self {
        Self {
            tokens: BURST,
            at: Instant::now(),
            warned: None,
        }
    }

    /// Whether to tell the client it is over the limit (once a second).
    fn should_warn(&mut self) -> bool {
        let now = Instant::now();
        let warn = self
            .warned
            .is_none_or(|at| now.duration_since(at) >= Duration::from_secs(1));
        if warn {
            self.warned = Some(now);
        }
        warn
    }

    fn take(&mut self) -> bool {
        let now = Instant::now();
        let refill = now.duration_since(self.at).as_secs_f64() * PER_SECOND;
        self.tokens = (self.tokens + refill).min(BURST);
        self.at = now;
        if self.tokens >= 1.0 {
            self.tokens -= 1.0;
            true
        } else {
            false
        }
    }
}

/// The running server. Dropping it stops it.
pub struct Server {
    addr: SocketAddr,
    conns: Conns,
    stop: Option<oneshot::Sender<()>>,
}

impl Server {
    /// Binds `addr` (port 0 for any free port).
    ///
    /// # Errors
    /// The address cannot be bound (in use, not this machine's, no right).
    pub fn bind(addr: SocketAddr, max_conns: usize, sink: Sink) -> io::Result<Self> {
        Self::start(TcpListener::bind(addr)?, max_conns, sink)
    }

    /// Serves on `listener`, taking at most `max_conns` connections at once.
    ///
    /// # Errors
    /// The listener cannot be handed to the runtime.
    pub fn start(listener: TcpListener, max_conns: usize, sink: Sink) -> io::Result<Self> {
        listener.set_nonblocking(true)?;
        let addr = listener.local_addr()?;
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()?;
        let conns: Conns = Arc::default();
        let (stop, stopped) = oneshot::channel();
        let shared = Arc::clone(&conns);
        thread::Builder::new()
            .name("kisi-live-server".to_owned())
            .spawn(move || {
                runtime.block_on(async move {
                    let Ok(listener) = tokio::net::TcpListener::from_std(listener) else {
                        return;
                    };
                    tokio::select! {
                        () = accept_loop(listener, max_conns, sink, shared) => {}
                        _ = stopped => {}
                    }
                });
            })?;
        Ok(Self {
            addr,
            conns,
            stop: Some(stop),
        })
    }

    pub fn local_addr(&self) -> SocketAddr {
        self.addr
    }

    fn outbound(&self, conn: ConnId, out: Outbound) {
        let conns = self.conns.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(tx) = conns.get(&conn) {
            let _ = tx.send(out);
        }
    }

    /// Sends `msg` to connection `conn`, if it is still there.
    pub fn send(&self, conn: ConnId, msg: &ServerMsg) {
        self.send_text(conn, protocol::encode_server(msg));
    }

    /// Sends text already encoded (one encoding for many connections).
    pub fn send_text(&self, conn: ConnId, text: String) {
        self.outbound(conn, Outbound::Text(text));
    }

    /// Closes connection `conn` after what was sent to it.
    pub fn close(&self, conn: ConnId) {
        self.outbound(conn, Outbound::Close);
    }

    pub fn connections(&self) -> usize {
        self.conns
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .len()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
    }
}

async fn accept_loop(
    listener: tokio::net::TcpListener,
    max_conns: usize,
    sink: Sink,
    conns: Conns,
) {
    let mut next: ConnId = 0;
    loop {
        let Ok((stream, peer)) = listener.accept().await else {
            // Out of file descriptors and the like: wait, then go on.
            tokio::time::sleep(Duration::from_millis(50)).await;
            continue;
        };
        let _ = stream.set_nodelay(true);
        next += 1;
        let conn = next;
        let (tx, rx) = mpsc::unbounded_channel();
        let full = {
            let mut map = conns.lock().unwrap_or_else(PoisonError::into_inner);
            let full = map.len() >= max_conns;
            if !full {
                map.insert(conn, tx);
            }
            full
        };
        let sink = Arc::clone(&sink);
        let conns = Arc::clone(&conns);
        tokio::spawn(async move {
            serve(stream, peer.ip(), conn, full, rx, sink.as_ref()).await;
            conns
                .lock()
                .unwrap_or_else(PoisonError::into_inner)
                .remove(&conn);
        });
    }
}

fn error_text(code: ErrorCode, detail: &str) -> Message {
    Message::text(protocol::encode_server(&ServerMsg::Error {
        code,
        detail: detail.to_owned(),
    }))
}

async fn serve(
    stream: tokio::net::TcpStream,
    peer: IpAddr,
    conn: ConnId,
    full: bool,
    mut rx: mpsc::UnboundedReceiver<Outbound>,
    sink: &(dyn Fn(NetEvent) + Send + Sync),
) {
    // Frames over the protocol's limit are still read (up to 4 times it),
    // so the client hears "too large" rather than a dropped connection.
    // Small buffers (the defaults are 128 KiB each, 50 MiB for a room of
    // 200), writes straight through, and a student who stops reading is cut
    // off at 1 MiB queued rather than growing the host.
    let config = WebSocketConfig::default()
        .max_message_size(Some(MAX_CLIENT_MESSAGE * 4))
        .max_frame_size(Some(MAX_CLIENT_MESSAGE * 4))
        .read_buffer_size(4 * 1024)
        .write_buffer_size(0)
        .max_write_buffer_size(1024 * 1024);
    let handshake = tokio_tungstenite::accept_async_with_config(stream, Some(config));
    let Ok(Ok(ws)) = tokio::time::timeout(HANDSHAKE_TIMEOUT, handshake).await else {
        return;
    };
    let (mut write, mut read) = ws.split();
    let refuse = |code: ErrorCode, detail: String| {
        sink(NetEvent::Refused {
            conn,
            peer,
            code,
            detail,
        });
    };
    if full {
        let _ = write.send(error_text(ErrorCode::RoomFull, "")).await;
        let _ = write.close().await;
        refuse(ErrorCode::RoomFull, "too many connections".to_owned());
        return;
    }
    sink(NetEvent::Connected { conn, peer });
    let mut limit = RateLimit::new();
    loop {
        tokio::select! {
            out = rx.recv() => match out {
                Some(Outbound::Text(text)) => {
                    if write.send(Message::text(text)).await.is_err() {
                        break;
                    }
                }
                Some(Outbound::Close) | None => {
                    let _ = write.close().await;
                    linger(&mut read).await;
                    break;
                }
            },
            incoming = read.next() => {
                let bytes = match incoming {
                    Some(Ok(Message::Text(text))) => text.as_bytes().to_vec(),
                    Some(Ok(Message::Binary(bytes))) => bytes.to_vec(),
                    Some(Ok(Message::Ping(_) | Message::Pong(_) | Message::Frame(_))) => continue,
                    Some(Ok(Message::Close(_)) | Err(_)) | None => break,
                };
                // Over the limit, a message is dropped; the client hears so
                // once a second, and the host's log gets a line.
                if !limit.take() {
                    if limit.should_warn() {
                        if write.send(error_text(ErrorCode::RateLimited, "")).await.is_err() {
                            break;
                        }
                        refuse(ErrorCode::RateLimited, format!("over {PER_SECOND} messages a second"));
                    }
                    continue;
                }
                match protocol::decode_client(&bytes) {
                    Ok(msg) => sink(NetEvent::Message { conn, msg }),
                    Err(error) => {
                        if write.send(error_text(error.code, &error.detail)).await.is_err() {
                            break;
                        }
                        refuse(error.code, error.detail);
                    }
                }
            }
        }
    }
    sink(NetEvent::Closed { conn });
}

/// Reads (and drops) what the client still sends, for a moment, after
/// the server closed: a socket closed with unread input is reset, and the
/// reset would throw away the error the client was just sent.
async fn linger<S>(read: &mut S)
where
    S: futures_util::Stream + Unpin,
{
    let _ = tokio::time::timeout(Duration::from_secs(1), async {
        while read.next().await.is_some() {}
    })
    .await;
}
