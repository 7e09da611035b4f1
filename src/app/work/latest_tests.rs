use std::sync::mpsc::{Sender, channel};
use std::sync::{Arc, Mutex};

use super::*;

/// A job that waits for a go from the test, then answers `value`.
fn gated(value: u32, gate: &Arc<Mutex<std::sync::mpsc::Receiver<()>>>) -> Job<u32> {
    let gate = Arc::clone(gate);
    Box::new(move |_| {
        let _ = gate.lock().unwrap().recv();
        value
    })
}

fn gate() -> (Sender<()>, Arc<Mutex<std::sync::mpsc::Receiver<()>>>) {
    let (go, wait) = channel();
    (go, Arc::new(Mutex::new(wait)))
}

#[test]
fn requests_made_while_one_runs_replace_each_other_and_only_the_last_runs_next() {
    let (go, wait) = gate();
    let mut slot: Latest<u32, u32> = Latest::new("test");
    for revision in 1..=20 {
        slot.want(revision);
        slot.pump(|&key, _| (Place::Background, gated(key * 10, &wait)));
    }
    assert_eq!(slot.started(), 1, "one runs, the others wait");
    go.send(()).unwrap();
    slot.wait();
    assert_eq!(slot.latest(), Some((&1, &10)));
    assert!(slot.is_working(), "revision 20 is still wanted");
    slot.pump(|&key, _| (Place::Background, gated(key * 10, &wait)));
    go.send(()).unwrap();
    slot.wait();
    assert_eq!(slot.latest(), Some((&20, &200)));
    assert_eq!(slot.started(), 2);
    assert!(!slot.is_working());
}

#[test]
fn the_last_good_result_stays_while_the_next_is_computed() {
    let (go, wait) = gate();
    let mut slot: Latest<u32, u32> = Latest::new("test");
    slot.want(1);
    slot.pump(|_, _| (Place::Here, Box::new(|_| 7)));
    assert_eq!(slot.latest(), Some((&1, &7)));
    slot.want(2);
    slot.pump(|_, previous| {
        assert_eq!(previous, Some(&7), "the job may reuse the last result");
        (Place::Background, gated(8, &wait))
    });
    assert_eq!(slot.latest(), Some((&1, &7)));
    assert!(!slot.is_current());
    go.send(()).unwrap();
    slot.wait();
    assert!(slot.is_current());
}

#[test]
fn a_panicking_worker_becomes_a_failure_that_a_retry_clears() {
    let mut slot: Latest<u32, u32> = Latest::new("test");
    slot.want(1);
    slot.pump(|_, _| (Place::Here, Box::new(|_| 1)));
    slot.want(2);
    slot.pump(|_, _| (Place::Background, Box::new(|_| panic!("figures broke"))));
    slot.wait();
    assert_eq!(
        slot.failure(),
        Some(&WorkFailure::Panicked("figures broke".into()))
    );
    assert!(!slot.is_working(), "a failure is not an endless 'updating'");
    assert_eq!(slot.latest(), Some((&1, &1)), "the last good result stays");
    // Not tried again on its own, frame after frame.
    slot.pump(|_, _| unreachable!("a failed request waits for Retry"));
    slot.retry();
    slot.pump(|_, _| (Place::Here, Box::new(|_| 2)));
    assert_eq!(slot.latest(), Some((&2, &2)));
    assert_eq!(slot.failure(), None);
}

#[test]
fn a_panic_on_the_ui_thread_is_caught_too() {
    let mut slot: Latest<u32, u32> = Latest::new("test");
    slot.want(1);
    slot.pump(|_, _| (Place::Here, Box::new(|_| panic!("at once"))));
    assert!(matches!(slot.failure(), Some(WorkFailure::Panicked(_))));
    // A newer request is not held back by an older failure.
    slot.want(2);
    slot.pump(|_, _| (Place::Here, Box::new(|_| 5)));
    assert_eq!(slot.latest(), Some((&2, &5)));
}

#[test]
fn a_task_whose_thread_vanishes_says_so() {
    // A job that never answers because its sender is gone: simulated by a task whose
    // worker drops the channel, which is what a thread that dies without unwinding does.
    let mut task: Task<u32> = Task::spawn("test", None, |_| {
        std::panic::resume_unwind(Box::new(42_u8));
    });
    match task.wait(std::time::Duration::from_secs(10)) {
        Poll::Failed(WorkFailure::Panicked(message)) => assert!(message.is_empty()),
        other => panic!("expected a failure, got {other:?}"),
    }
    // Asked again once its thread has ended, the task has nothing more: it vanished.
    assert!(matches!(
        task.wait(std::time::Duration::from_secs(10)),
        Poll::Failed(WorkFailure::Vanished)
    ));
}

#[test]
fn progress_reads_what_the_worker_wrote() {
    let (go, wait) = gate();
    let mut slot: Latest<u32, u32> = Latest::new("test");
    slot.want(1);
    let (told, heard) = channel();
    slot.pump(|_, _| {
        let wait = Arc::clone(&wait);
        (
            Place::Background,
            Box::new(move |progress: &Progress| {
                progress.set(0.25);
                let _ = told.send(());
                let _ = wait.lock().unwrap().recv();
                1
            }),
        )
    });
    heard.recv().unwrap();
    assert_eq!(slot.progress(), Some(0.25));
    go.send(()).unwrap();
    slot.wait();
    assert_eq!(slot.progress(), None);
}
