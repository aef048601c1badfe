//! Work cut in two halves, run by a `join` the caller gives: natively side by side on two
//! threads (the command), in the browser one after the other.

/// Both halves' jobs, for a `join` that runs them and returns when both are done.
pub type Halves<'j> = (&'j mut (dyn FnMut() + Send), &'j mut (dyn FnMut() + Send));

/// A `join` that runs the first half, then the second.
pub fn one_after_another((first, second): Halves<'_>) {
    first();
    second();
}
