//! A load test of a live class quiz on loopback: a host in a process of its
//! own, and `--students` simulated students (real clients over WebSocket)
//! answering `--questions` questions. Reports answers lost, the time from
//! a student's answer to the host counting it (p50, p99), and the host's
//! CPU time and peak memory.
//!
//! `cargo run --release -p kisi-live --example room_load -- --students 200 --questions 20`
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::io::{BufRead, BufReader, Write};
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::sync::mpsc;
use std::time::{Duration, Instant};

use kisi_core::content::builtin::builtin_pack;
use kisi_core::quiz::{QuestionKind, QuizOptions, generate};
use kisi_core::room::{Ask, ClientMsg, Phase, Room, RoomConfig, ServerMsg, WireAnswer};
use kisi_live::host::HostKey;
use kisi_live::{ClientEvent, Host, Server, StudentClient};

fn arg(name: &str, default: usize) -> usize {
    let args: Vec<String> = std::env::args().collect();
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1))
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// The host: prints its address and code, runs the room (starting when all
/// joined, revealing when all answered), prints the answers it holds at the
/// end, and exits when its input closes.
fn host(students: usize, questions: usize) {
    let pack = builtin_pack().unwrap();
    let options = QuizOptions {
        count: questions,
        seed: 1,
        kinds: vec![QuestionKind::Choice, QuestionKind::TrueFalse],
        ..QuizOptions::default()
    };
    let room = Room::new(
        &pack,
        generate(&pack, &options).unwrap(),
        RoomConfig {
            seconds: 0,
            max_students: students,
            ..RoomConfig::default()
        },
        3,
    );
    let asked = room.questions().len();
    let code = room.code().as_str().to_owned();
    let (events, inbox) = mpsc::channel();
    let server = Server::bind(
        "127.0.0.1:0".parse().unwrap(),
        students + 8,
        Arc::new(move |e| {
            let _ = events.send(e);
        }),
    )
    .unwrap();
    println!("{} {code} {asked}", server.local_addr());
    let mut host = Host::new(room, server, None);
    let mut opened = Instant::now();
    loop {
        if let Ok(event) = inbox.recv_timeout(Duration::from_millis(5)) {
            host.handle(event);
            while let Ok(event) = inbox.try_recv() {
                host.handle(event);
            }
        }
        let room = host.room();
        match room.phase() {
            Phase::Lobby if room.present_count() == students => {
                host.key(HostKey::Start);
                opened = Instant::now();
            }
            Phase::Open(q)
                if room.answers_in(q) == students || opened.elapsed() > Duration::from_secs(20) =>
            {
                host.key(HostKey::Reveal);
            }
            Phase::Revealed(_) => {
                host.key(HostKey::Next);
                opened = Instant::now();
            }
            Phase::Ended => break,
            _ => {}
        }
    }
    let held: usize = (0..asked).map(|q| host.room().answers_in(q)).sum();
    println!("answers {held}");
    let mut line = String::new();
    let _ = std::io::stdin().read_line(&mut line);
}

/// CPU seconds (user + system) and peak resident memory (KiB) of `pid`.
fn usage(pid: u32) -> (f64, u64) {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
    let fields: Vec<&str> = stat
        .rsplit_once(')')
        .map_or("", |(_, rest)| rest)
        .split_whitespace()
        .collect();
    let ticks: u64 = [11, 12]
        .iter()
        .filter_map(|&i| fields.get(i).and_then(|v| v.parse::<u64>().ok()))
        .sum();
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    let peak = status
        .lines()
        .find(|l| l.starts_with("VmHWM:"))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|v| v.parse().ok())
        .unwrap_or(0);
    // Linux counts CPU time in ticks of 1/100 s.
    #[allow(clippy::cast_precision_loss)]
    (ticks as f64 / 100.0, peak)
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    #[allow(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        clippy::cast_precision_loss
    )]
    let at = ((sorted.len() - 1) as f64 * p).round() as usize;
    sorted[at]
}

fn main() {
    let students = arg("--students", 200);
    let questions = arg("--questions", 20);
    if std::env::args().any(|a| a == "--host") {
        host(students, questions);
        return;
    }
    let mut child = Command::new(std::env::current_exe().unwrap())
        .args(["--host", "--students", &students.to_string()])
        .args(["--questions", &questions.to_string()])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let first = lines.next().unwrap().unwrap();
    let mut words = first.split_whitespace();
    let (addr, code) = (
        words.next().unwrap().to_owned(),
        words.next().unwrap().to_owned(),
    );
    let asked: usize = words.next().unwrap().parse().unwrap();

    let started = Instant::now();
    let (tx, events) = mpsc::channel::<(usize, ClientEvent)>();
    let clients: Vec<StudentClient> = (0..students)
        .map(|i| {
            let tx = tx.clone();
            StudentClient::connect(
                &addr,
                &code,
                ClientMsg::Join {
                    code: code.clone(),
                    name: format!("student {i}"),
                },
                Arc::new(move |e| {
                    let _ = tx.send((i, e));
                }),
            )
            .unwrap()
        })
        .collect();
    drop(tx);
    let mut sent_at: Vec<Option<Instant>> = vec![None; students];
    let mut latencies = Vec::new();
    let mut ended = 0;
    while ended < students {
        let Ok((i, event)) = events.recv_timeout(Duration::from_secs(60)) else {
            break;
        };
        match event {
            ClientEvent::Server(ServerMsg::Question { index, ask, .. }) => {
                let answer = match ask {
                    Ask::TrueFalse => WireAnswer::TrueFalse(i % 2 == 0),
                    _ => WireAnswer::Choice(i % 4),
                };
                sent_at[i] = Some(Instant::now());
                clients[i].send(ClientMsg::Answer { index, answer });
            }
            ClientEvent::Server(ServerMsg::Received { .. }) => {
                if let Some(at) = sent_at[i].take() {
                    latencies.push(at.elapsed());
                }
            }
            ClientEvent::Server(ServerMsg::End { .. }) => ended += 1,
            _ => {}
        }
    }
    let wall = started.elapsed();
    let held: usize = lines
        .next()
        .and_then(Result::ok)
        .and_then(|l| l.strip_prefix("answers ").and_then(|n| n.parse().ok()))
        .unwrap_or(0);
    let (cpu, peak_kib) = usage(child.id());
    drop(child.stdin.take());
    let _ = child.wait();
    latencies.sort();
    let expected = students * asked;
    println!("students {students}, questions {asked}, finished {ended}");
    println!(
        "answers: {expected} sent, {held} held by the host, {} lost",
        expected.saturating_sub(held)
    );
    println!(
        "answer -> counted: p50 {:.1} ms, p99 {:.1} ms, max {:.1} ms ({} samples)",
        percentile(&latencies, 0.5).as_secs_f64() * 1000.0,
        percentile(&latencies, 0.99).as_secs_f64() * 1000.0,
        latencies.last().copied().unwrap_or_default().as_secs_f64() * 1000.0,
        latencies.len()
    );
    println!(
        "host: {cpu:.2} s CPU over {:.1} s ({:.0}% of one core), peak memory {:.1} MiB",
        wall.as_secs_f64(),
        cpu / wall.as_secs_f64() * 100.0,
        f64::from(u32::try_from(peak_kib).unwrap_or(u32::MAX)) / 1024.0
    );
    std::io::stdout().flush().unwrap();
}
