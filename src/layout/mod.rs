//! Page layout: measure a paper's blocks and distribute them onto A4 pages in a board's
//! house style. Produces positioned items; [`crate::pdf`] turns them into bytes.
