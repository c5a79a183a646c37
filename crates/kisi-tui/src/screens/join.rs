//! A student in a live class quiz (`kisi join`): waiting for the lecturer,
//! then each question with the same answer input as the quiz, its
//! countdown and "sent", the student's own verdict and the right answer
//! after the reveal, and the score at the end. What the room says arrives
//! through the inbox (`JoinState::heard`); answers go out on the client.

use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Widget;

use super::Shared;
use super::quiz::clock;
use crate::action::{Action, Mode};
use crate::answer::{self, Enter, Input};
use crate::effect::Effect;
use crate::env::Context;
use crate::keymap::KeyHint;
use crate::keymap::{self, Id};
use crate::layout::reading_column;
use crate::screens::Nav;
use crate::wrap::{truncate, wrap};
use kisi_core::i18n::Strings;
use kisi_core::quiz::wording::{format_number, words};
use kisi_core::quiz::{Prompt, Question};
use kisi_core::room::{ClientMsg, ServerMsg, Verdict, WireAnswer};
use kisi_core::text::{printable, printable_line};
use kisi_live::{ClientEvent, StudentClient};

#[derive(Debug, Clone, PartialEq)]
enum View {
    Connecting,
    Waiting(usize),
    Asking {
        index: usize,
        total: usize,
        question: Box<Question>,
        input: Input,
        left: Option<Duration>,
        paused: bool,
        sent: bool,
    },
    Revealed {
        prompt: String,
        solution: String,
        explanation: String,
        yours: Verdict,
    },
    Skipped,
    Ended {
        earned: f64,
        asked: usize,
        rank: Option<usize>,
    },
    /// Turned away or disconnected for good, with what to say.
    Gone(String),
}

/// The student's screen. The client and the end's message are shared, not
/// copied, when the app's state is.
#[derive(Debug, Clone, PartialEq)]
pub struct JoinState {
    client: Shared<StudentClient>,
    /// The `end` message, for the command line to record what was missed.
    end: Shared<Mutex<Option<ServerMsg>>>,
    view: View,
    /// A passing word: reconnecting, an error the room sent.
    notice: Option<String>,
    welcomed: bool,
    /// The title of the room's pack, made safe to print: the header shows
    /// it, not the title of whatever pack this kisi has open.
    room_pack: Option<String>,
    /// Lines scrolled past when the view does not fit; `None` for where
    /// the view starts (the answer in view while answering, else the top).
    scroll: Option<usize>,
    /// The join this connection is (`Msg::Student`'s `attempt`): 0 for
    /// `kisi join`, Home's form counts from 1.
    attempt: u64,
    /// Joined from Home's form: leaving goes back there, and at the end the
    /// event loop records what was missed (`kisi join` does it on its way
    /// out).
    from_home: bool,
    /// That the missed items are in the student's review, once they are.
    saved: Option<String>,
}

impl JoinState {
    pub fn new(client: StudentClient, end: Arc<Mutex<Option<ServerMsg>>>) -> Self {
        Self::with(Shared::new(client), end.into(), 0, false)
    }

    /// Joined from Home's form, as join `attempt`.
    pub fn joined(client: Shared<StudentClient>, attempt: u64) -> Self {
        Self::with(client, Shared::new(Mutex::new(None)), attempt, true)
    }

    fn with(
        client: Shared<StudentClient>,
        end: Shared<Mutex<Option<ServerMsg>>>,
        attempt: u64,
        from_home: bool,
    ) -> Self {
        Self {
            client,
            end,
            view: View::Connecting,
            notice: None,
            welcomed: false,
            room_pack: None,
            scroll: None,
            attempt,
            from_home,
            saved: None,
        }
    }

    /// The join this connection is (see `Msg::Student`).
    pub fn attempt(&self) -> u64 {
        self.attempt
    }

    /// The missed items are in the student's review: says so at the end.
    pub fn saved(&mut self, said: String) {
        self.saved = Some(said);
    }

    /// What the room (or the connection) said; from Home, at the end, the
    /// effect that records what the student missed.
    pub fn heard(&mut self, event: ClientEvent, strings: &'static Strings) -> Option<Effect> {
        let w = strings.room;
        let msg = match event {
            ClientEvent::Server(msg) => msg,
            ClientEvent::Dropped => {
                self.notice = Some(w.reconnecting.to_owned());
                return None;
            }
            ClientEvent::Reconnected => {
                self.notice = Some(w.reconnected.to_owned());
                return None;
            }
            ClientEvent::Lost => {
                if !matches!(self.view, View::Ended { .. } | View::Gone(_)) {
                    self.view = View::Gone(w.connection_lost.to_owned());
                }
                return None;
            }
        };
        self.notice = None;
        // A new view starts where it starts; a clock or "sent" keeps it.
        if !matches!(msg, ServerMsg::Clock { .. } | ServerMsg::Received { .. }) {
            self.scroll = None;
        }
        match msg {
            ServerMsg::Welcome { pack, .. } => {
                self.welcomed = true;
                self.room_pack = Some(printable_line(&pack.title).into_owned());
            }
            ServerMsg::Waiting { students } => self.view = View::Waiting(students),
            ServerMsg::Question {
                index,
                total,
                prompt,
                ask,
                left_ms,
                paused,
                answered,
            } => self.view = asking(index, total, prompt, &ask, left_ms, paused, answered),
            ServerMsg::Clock {
                left_ms, paused: p, ..
            } => {
                if let View::Asking { left, paused, .. } = &mut self.view {
                    *left = left_ms.map(Duration::from_millis);
                    *paused = p;
                }
            }
            ServerMsg::Received { .. } => {
                if let View::Asking { sent, .. } = &mut self.view {
                    *sent = true;
                }
            }
            ServerMsg::Reveal {
                solution,
                explanation,
                yours,
                ..
            } => {
                let prompt = match &self.view {
                    View::Asking { question, .. } => match &question.prompt {
                        Prompt::Authored { text } => text.clone(),
                        _ => String::new(),
                    },
                    _ => String::new(),
                };
                self.view = View::Revealed {
                    prompt,
                    solution,
                    explanation,
                    yours,
                };
            }
            ServerMsg::Skipped { .. } => self.view = View::Skipped,
            ServerMsg::End { .. } => return self.ended(msg),
            ServerMsg::Error { code, .. } => {
                let said = code.message(w).to_owned();
                if !self.welcomed || code.closes() {
                    self.view = View::Gone(said);
                } else {
                    self.notice = Some(said);
                }
            }
        }
        None
    }
}

impl JoinState {
    /// The end: the score on screen, the message kept for `kisi join`, and
    /// from Home the effect that records what was missed.
    fn ended(&mut self, msg: ServerMsg) -> Option<Effect> {
        let ServerMsg::End {
            earned,
            asked,
            rank,
            pack,
            missed,
            ..
        } = &msg
        else {
            return None;
        };
        self.view = View::Ended {
            earned: *earned,
            asked: *asked,
            rank: *rank,
        };
        let record = self.from_home.then(|| Effect::RecordMissed {
            pack_id: pack.id.clone(),
            title: pack.title.clone(),
            missed: missed.clone(),
        });
        *self.end.lock().unwrap_or_else(PoisonError::into_inner) = Some(msg);
        record
    }
}

/// A question to answer, with a body of its shape for the answer input.
fn asking(
    index: usize,
    total: usize,
    prompt: String,
    ask: &kisi_core::room::Ask,
    left_ms: Option<u64>,
    paused: bool,
    answered: bool,
) -> View {
    let question = Question {
        key: String::new(),
        prompt: Prompt::Authored { text: prompt },
        body: ask.placeholder_body(),
        targets: Vec::new(),
        explanation: String::new(),
        source: None,
    };
    View::Asking {
        index,
        total,
        input: Input::for_question(&question),
        question: Box::new(question),
        left: left_ms.map(Duration::from_millis),
        paused,
        sent: answered,
    }
}

/// The wheel and PgUp/PgDn scroll a view taller than the screen; returns
/// whether the action was such a scroll.
fn scroll(state: &mut JoinState, action: Action, context: &Context) -> bool {
    if !matches!(
        action,
        Action::ScrollUp | Action::PageUp | Action::ScrollDown | Action::PageDown
    ) {
        return false;
    }
    let (_, area) = areas(context.body);
    let layout = layout(state, context, area);
    let page = usize::from(area.height.saturating_sub(1).max(1));
    let skip = match action {
        Action::ScrollUp => layout.skip.saturating_sub(1),
        Action::PageUp => layout.skip.saturating_sub(page),
        Action::ScrollDown => layout.skip + 1,
        _ => layout.skip + page,
    };
    state.scroll = Some(skip.min(layout.bottom_skip));
    true
}

/// The head row, kept in view (which question, the clock, "sent"), and
/// the area under it where the rest scrolls, in the reading column.
fn areas(body: Rect) -> (Rect, Rect) {
    let body = reading_column(body);
    let head = Rect {
        height: body.height.min(1),
        ..body
    };
    let rest = Rect {
        y: body.y + head.height,
        height: body.height - head.height,
        ..body
    };
    (head, rest)
}

/// What the view shows: its head row, and the lines under it with how
/// many are scrolled past.
struct Layout {
    head: Option<Line<'static>>,
    lines: Vec<Line<'static>>,
    skip: usize,
    bottom_skip: usize,
}

fn layout(state: &JoinState, context: &Context, area: Rect) -> Layout {
    let w = context.strings.room;
    let theme = context.theme;
    let width = usize::from(area.width);
    let mut head = None;
    let mut lines: Vec<Line<'static>> = Vec::new();
    let text = |lines: &mut Vec<Line<'static>>, text: &str, style| {
        for line in wrap(text, width) {
            lines.push(Line::styled(line, style));
        }
    };
    if let Some(notice) = &state.notice {
        text(&mut lines, notice, theme.marked);
    }
    match &state.view {
        View::Connecting => text(&mut lines, w.waiting, theme.dim),
        View::Waiting(students) => text(&mut lines, &(w.waiting_with)(*students), theme.text),
        View::Asking {
            index,
            total,
            question,
            input,
            left,
            paused,
            sent,
        } => {
            let clock_text = match (left, paused) {
                (_, true) => w.paused.to_owned(),
                (Some(left), false) => clock(*left),
                (None, false) => String::new(),
            };
            // "Sent" beside the clock too: a long question may hide the one below.
            let sent_text = if *sent { w.sent } else { "" };
            let status = format!(
                "{}  {clock_text}  {sent_text}",
                (w.question_of)(index + 1, *total)
            );
            head = Some(Line::styled(truncate(status.trim_end(), width), theme.dim));
            if let Prompt::Authored { text: prompt } = &question.prompt {
                text(&mut lines, &printable(prompt), theme.heading);
            }
            lines.push(Line::default());
            let mut hits = Vec::new();
            answer::lines(&mut lines, &mut hits, input, question, context, width);
            if *sent {
                lines.push(Line::default());
                text(&mut lines, w.sent, theme.selected);
            }
        }
        View::Revealed {
            prompt,
            solution,
            explanation,
            yours,
        } => {
            text(&mut lines, &printable(prompt), theme.heading);
            let verdict = yours.words(context.lang);
            let style = if yours.credit >= 1.0 {
                theme.selected
            } else {
                theme.marked
            };
            text(&mut lines, &format!("{}: {verdict}", w.your_answer), style);
            text(
                &mut lines,
                &format!("{}: {}", w.right_answer, printable_line(solution)),
                theme.text,
            );
            text(&mut lines, &printable(explanation), theme.dim);
        }
        View::Skipped => text(&mut lines, w.skipped, theme.dim),
        View::Ended {
            earned,
            asked,
            rank,
        } => {
            let earned = format_number(*earned, words(context.lang).decimal_separator);
            text(&mut lines, w.the_end, theme.title);
            text(&mut lines, &(w.your_score)(&earned, *asked), theme.heading);
            if let Some(rank) = rank {
                text(&mut lines, &(w.your_rank)(*rank), theme.text);
            }
            if let Some(saved) = &state.saved {
                text(&mut lines, saved, theme.note);
            }
        }
        View::Gone(said) => text(&mut lines, said, theme.error),
    }
    // Without a head row the view has the whole body.
    let height = usize::from(area.height) + usize::from(head.is_none());
    let bottom_skip = lines.len().saturating_sub(height);
    // While answering the answer stays in view, as in the quiz.
    let default = if matches!(state.view, View::Asking { .. }) {
        bottom_skip
    } else {
        0
    };
    let skip = state.scroll.unwrap_or(default).min(bottom_skip);
    Layout {
        head,
        lines,
        skip,
        bottom_skip,
    }
}

pub fn keys(state: &JoinState, strings: &'static Strings) -> Vec<KeyHint> {
    match &state.view {
        View::Asking {
            question,
            input,
            sent: false,
            ..
        } => answer::keys(input, Some(question), Enter::Submit, strings, |id| {
            matches!(id, Id::Scroll | Id::Leave | Id::Help)
        }),
        _ => keymap::hints(Mode::Wait, strings, 0, |_| true),
    }
}

impl super::ScreenState for JoinState {
    fn pack_title(&self) -> Option<&str> {
        self.room_pack.as_deref()
    }

    fn update(&mut self, action: Action, context: &Context, _effects: &mut Vec<Effect>) -> Nav {
        if scroll(self, action, context) {
            return Nav::Stay;
        }
        match (&mut self.view, action) {
            (
                View::Asking {
                    left: Some(left),
                    paused: false,
                    ..
                },
                Action::Tick(elapsed),
            ) => {
                *left = left.saturating_sub(elapsed);
            }
            // Leaving keeps the session: joining again resumes it.
            (_, Action::Back) => {
                return if self.from_home { Nav::Back } else { Nav::Quit };
            }
            (
                View::Asking {
                    index,
                    question,
                    input,
                    sent: false,
                    ..
                },
                action,
            ) => {
                if let Some(answer) =
                    answer::update(input, question, action).and_then(WireAnswer::from_answer)
                {
                    self.client.send(ClientMsg::Answer {
                        index: *index,
                        answer,
                    });
                }
            }
            _ => {}
        }
        Nav::Stay
    }

    fn render(&self, context: &Context, area: Rect, buf: &mut Buffer) {
        let (head_row, rest) = areas(area);
        let layout = layout(self, context, rest);
        let rest = match &layout.head {
            Some(head) => {
                head.clone().render(head_row, buf);
                rest
            }
            None => reading_column(area),
        };
        let mut shown: Vec<Line> = layout
            .lines
            .into_iter()
            .skip(layout.skip)
            .take(rest.height.into())
            .collect();
        // Never cut silently: say where more is, and how to get to it.
        super::mark_more(&mut shown, layout.skip, layout.bottom_skip, context.theme);
        for (y, line) in (rest.y..rest.bottom()).zip(shown) {
            line.render(Rect::new(rest.x, y, rest.width, 1), buf);
        }
    }

    fn keys(&self, context: &Context) -> Vec<KeyHint> {
        keys(self, context.strings)
    }

    fn mode(&self) -> Mode {
        match &self.view {
            View::Asking {
                question,
                input,
                sent: false,
                ..
            } => input.mode(Some(question)),
            _ => Mode::Wait,
        }
    }

    fn wants_ticks(&self) -> bool {
        matches!(self.view, View::Asking { left: Some(_), .. })
    }
}
