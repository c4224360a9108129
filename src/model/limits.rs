//! The largest count and size a bank may supply for each thing it describes.
//!
//! Every number in a bank becomes something examkit makes: ruled lines on a page, places a
//! blueprint fills, marks added up. A typo of a few digits (`lines: 40000`) or a hostile
//! file (`lines: 4294967295`) would otherwise reach layout and allocate gigabytes, or
//! overflow a sum. `examkit check` refuses anything past these bounds with its location
//! (see `bank::check::bounds`), and the code that uses a number may rely on them.
//!
//! Each bound is generous for a real paper: several times what any board prints, so no
//! honest bank meets one, yet small enough that the largest legal value costs nothing.

/// Marks a question, part, scheme or blueprint slot may be worth (the longest GCSE essay
/// questions are worth 16–40).
pub const MARKS: u32 = 100;
/// SPaG marks on one question (boards give 4–6).
pub const SPAG: u32 = 20;
/// Ruled answer lines for one question or part: about seven pages.
pub const ANSWER_LINES: u32 = 200;
/// Headings that split one answer space.
pub const ANSWER_HEADINGS: usize = 20;
/// Parts of one question: (a) to (z).
pub const PARTS: usize = 26;
/// Options of one multiple-choice question or part: A to Z.
pub const OPTIONS: usize = 26;
/// Sources or interpretations printed with one question or part.
pub const SOURCES: usize = 10;
/// Tags on one question.
pub const TAGS: usize = 50;
/// Characters in one source's or interpretation's text: a long extract is 2,000.
pub const SOURCE_TEXT: usize = 20_000;
/// Characters in a question's or part's text, a provenance line, an option, a heading.
pub const TEXT: usize = 5_000;
/// Characters in an id, label, command word, tag or grade.
pub const NAME: usize = 100;
/// Characters in a scheme's model answer.
pub const MODEL_ANSWER: usize = 20_000;
/// Points in one scheme.
pub const POINTS: usize = 200;
/// Patterns under one `accept`, `reject`, `when`, `all` or `any`.
pub const PATTERNS: usize = 200;
/// Words a pattern's `gap` or `window` may span.
pub const WORDS_APART: u32 = 200;
/// Levels in one levels-marked scheme.
pub const LEVELS: usize = 10;
/// Caps in one levels-marked scheme.
pub const CAPS: usize = 10;
/// Penalties in one scheme.
pub const PENALTIES: usize = 20;
/// Guidance lines, allowed echoes, synonym entries in one scheme.
pub const SCHEME_NOTES: usize = 200;
/// A paper's length in minutes: ten hours.
pub const MINUTES: u32 = 600;
/// Sections of one blueprint.
pub const SECTIONS: usize = 20;
/// Slots in one section of a blueprint.
pub const SLOTS: usize = 50;
/// Questions one blueprint slot asks for (`count`).
pub const SLOT_COUNT: u32 = 50;
/// Grade boundaries of one blueprint.
pub const GRADES: usize = 30;
/// The raw mark a grade boundary may ask for.
pub const BOUNDARY: u32 = 10_000;
/// Lines of materials, instructions or information on a blueprint's cover.
pub const COVER_LINES: usize = 50;
