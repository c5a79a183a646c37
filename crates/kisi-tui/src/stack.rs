//! Where the user is: the screen on show, the screens to go back to, and
//! the help overlay over them.

use crate::screens::Screen;

/// Where the user is: the screen on show, the ones to go back to, and the
/// help overlay over them.
#[derive(Debug, Clone, PartialEq)]
pub struct Stack {
    pub screen: Screen,
    /// The screens to go back to, most recent last.
    pub history: Vec<Screen>,
    pub help_open: bool,
    /// The first line of the help overlay in view, when it does not fit.
    pub help_scroll: usize,
}
