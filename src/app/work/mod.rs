//! One way to work in the background: a `Task` is one piece of work on its own thread that
//! always answers (its result, or a failure when it panicked or vanished); `Latest` runs the
//! newest of a stream of requests (figures of the current revision), keeping the last good
//! result on screen meanwhile. File work, dialogs, figures and projections all use them.

mod latest;
mod task;

pub use latest::{Job, Latest, Place};
pub use task::{Poll, Progress, Task, WorkFailure};
