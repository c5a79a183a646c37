//! The wire format: one JSON object per WebSocket text message, with the
//! protocol version in `v` beside the message's own fields (see
//! docs/live-protocol.md). Decoding never panics and says what was wrong,
//! as an [`ErrorCode`] the other side is told.

use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;

use kisi_core::room::{ClientMsg, ErrorCode, ServerMsg};

/// The protocol's version; a message of another is refused.
pub const VERSION: u64 = 1;
/// Longest message a client may send, in bytes: a typed answer or a list
/// fits many times over.
pub const MAX_CLIENT_MESSAGE: usize = 16 * 1024;
/// Longest message a server sends (a question with long options).
pub const MAX_SERVER_MESSAGE: usize = 1024 * 1024;

fn encode<T: Serialize>(msg: &T) -> String {
    let mut value = serde_json::to_value(msg).unwrap_or(Value::Null);
    if let Value::Object(map) = &mut value {
        map.insert("v".to_owned(), Value::from(VERSION));
    }
    value.to_string()
}

pub fn encode_server(msg: &ServerMsg) -> String {
    encode(msg)
}

pub fn encode_client(msg: &ClientMsg) -> String {
    encode(msg)
}

/// Why a message could not be read, with a short detail for the log.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecodeError {
    pub code: ErrorCode,
    pub detail: String,
}

fn decode<T: DeserializeOwned>(bytes: &[u8], limit: usize) -> Result<T, DecodeError> {
    let error = |code, detail: String| DecodeError { code, detail };
    if bytes.len() > limit {
        return Err(error(
            ErrorCode::TooLarge,
            format!("{} bytes, at most {limit}", bytes.len()),
        ));
    }
    let value: Value = serde_json::from_slice(bytes)
        .map_err(|e| error(ErrorCode::Malformed, format!("not JSON: {e}")))?;
    match value.get("v").and_then(Value::as_u64) {
        Some(VERSION) => {}
        Some(other) => {
            return Err(error(
                ErrorCode::UnknownVersion,
                format!("version {other}, this kisi speaks {VERSION}"),
            ));
        }
        None => {
            return Err(error(
                ErrorCode::UnknownVersion,
                "no version field `v`".to_owned(),
            ));
        }
    }
    serde_json::from_value(value)
        .map_err(|e| error(ErrorCode::Malformed, format!("not a message: {e}")))
}

/// Reads a client's message.
///
/// # Errors
/// Too large, not JSON, another version, or not a message of the protocol.
pub fn decode_client(bytes: &[u8]) -> Result<ClientMsg, DecodeError> {
    decode(bytes, MAX_CLIENT_MESSAGE)
}

/// Reads the server's message.
///
/// # Errors
/// As [`decode_client`].
pub fn decode_server(bytes: &[u8]) -> Result<ServerMsg, DecodeError> {
    decode(bytes, MAX_SERVER_MESSAGE)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;
    use kisi_core::room::WireAnswer;
    use proptest::prelude::*;

    #[test]
    fn messages_round_trip_with_their_version() {
        let msg = ClientMsg::Answer {
            index: 3,
            answer: WireAnswer::Ordering(vec![2, 0, 1]),
        };
        let text = encode_client(&msg);
        assert!(text.contains("\"v\":1"), "{text}");
        assert_eq!(decode_client(text.as_bytes()), Ok(msg));
        let join = br#"{"v":1,"type":"join","code":"K7XQ2P","name":"Ani"}"#;
        assert!(matches!(decode_client(join), Ok(ClientMsg::Join { .. })));
    }

    #[test]
    fn bad_messages_say_what_is_wrong() {
        let code = |bytes: &[u8]| decode_client(bytes).unwrap_err().code;
        assert_eq!(code(b"{"), ErrorCode::Malformed);
        assert_eq!(code(br#"{"v":2,"type":"join"}"#), ErrorCode::UnknownVersion);
        assert_eq!(code(br#"{"type":"join"}"#), ErrorCode::UnknownVersion);
        assert_eq!(code(br#"{"v":1,"type":"shout"}"#), ErrorCode::Malformed);
        assert_eq!(
            code(&vec![b' '; MAX_CLIENT_MESSAGE + 1]),
            ErrorCode::TooLarge
        );
    }

    proptest! {
        #[test]
        fn any_bytes_decode_or_fail_cleanly(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
            let _ = decode_client(&bytes);
            let _ = decode_server(&bytes);
        }

        #[test]
        fn any_json_shaped_text_decodes_or_fails_cleanly(
            v in 0u64..3,
            kind in prop::sample::select(vec!["join", "resume", "answer", "x"]),
            index in any::<i64>(),
            text in ".{0,40}",
        ) {
            let json = serde_json::json!({
                "v": v, "type": kind, "code": text, "name": text, "token": text,
                "index": index, "answer": {"kind": "typed", "value": text},
            });
            let result = decode_client(json.to_string().as_bytes());
            if v != VERSION {
                prop_assert_eq!(result.unwrap_err().code, ErrorCode::UnknownVersion);
            }
        }
    }
}
