//! How each board writes marks in its mark schemes: AQA spells them out ("1 mark"),
//! Edexcel puts the figure in round brackets ("(1)"), Cambridge in square ones ("[1]",
//! "[max 4]"). Without a board (a question marked on its own) the wording is AQA's, the
//! plainest.

use crate::model::Board;

/// A board's way of writing marks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Manner(Option<Board>);

impl Manner {
    /// The manner of `board`, or the plain one.
    pub fn new(board: Option<Board>) -> Manner {
        Manner(board)
    }

    /// After a point: "(1 mark)", "(1)", "[1]".
    pub fn point_marks(self, marks: u32) -> String {
        match self.0 {
            Some(Board::Edexcel) => format!("({marks})"),
            Some(Board::Cie) => format!("[{marks}]"),
            _ => format!("({})", plural(marks)),
        }
    }

    /// The extra marks for developing a point, before what counts as development.
    pub fn develop(self, marks: u32) -> String {
        match self.0 {
            Some(Board::Edexcel) => format!("Development ({marks})"),
            Some(Board::Cie) => format!("Development [{marks}]"),
            _ if marks == 1 => "1 further mark for developing it".to_string(),
            _ => format!("{marks} further marks for developing it"),
        }
    }

    /// "Any N of these" as the board says it.
    pub fn choose(self, n: u32, of: usize) -> String {
        match self.0 {
            Some(Board::Edexcel) => format!("Award marks for up to {n} of the {of} points below."),
            Some(Board::Cie) => format!("Any {n} from:"),
            _ => format!("Credit any {n} of the following {of} points."),
        }
    }

    /// A cap on what the points may earn together.
    pub fn cap(self, cap: u32) -> String {
        match self.0 {
            Some(Board::Edexcel) => format!("Maximum {} in total.", plural(cap)),
            Some(Board::Cie) => format!("[max {cap}]"),
            _ => format!("No more than {} in total from these points.", plural(cap)),
        }
    }

    /// A level's heading: "Level 3 (5–6 marks)", "Level 3 [5–6]".
    pub fn level(self, level: u32, lo: u32, hi: u32) -> String {
        let range = if lo == hi {
            lo.to_string()
        } else {
            format!("{lo}\u{2013}{hi}")
        };
        match self.0 {
            Some(Board::Cie) => format!("Level {level} [{range}]"),
            _ if lo == hi => format!("Level {level} ({})", plural(lo)),
            _ => format!("Level {level} ({range} marks)"),
        }
    }

    /// A deduction: "Deduct 1 mark", "Deduct (1)", "Deduct [1]".
    pub fn deduct(self, marks: u32) -> String {
        match self.0 {
            Some(Board::Edexcel) => format!("Deduct ({marks})"),
            Some(Board::Cie) => format!("Deduct [{marks}]"),
            _ => format!("Deduct {}", plural(marks)),
        }
    }

    /// The right option of a multiple-choice question.
    pub fn choice(self, correct: &str) -> String {
        match self.0 {
            Some(Board::Edexcel) => format!("{correct} (1)"),
            Some(Board::Cie) => format!("{correct} [1]"),
            _ => format!("{correct} (1 mark; no other option earns it)"),
        }
    }
}

/// "1 mark", "3 marks".
pub fn plural(marks: u32) -> String {
    if marks == 1 {
        "1 mark".to_string()
    } else {
        format!("{marks} marks")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_board_writes_marks_its_own_way() {
        let [aqa, edexcel, cie] = Board::ALL.map(|b| Manner::new(Some(b)));
        assert_eq!(aqa.point_marks(1), "(1 mark)");
        assert_eq!(edexcel.point_marks(2), "(2)");
        assert_eq!(cie.point_marks(1), "[1]");
        assert_eq!(cie.cap(4), "[max 4]");
        assert_eq!(aqa.level(4, 13, 16), "Level 4 (13\u{2013}16 marks)");
        assert_eq!(cie.level(1, 1, 1), "Level 1 [1]");
        assert_eq!(Manner::new(None).level(1, 1, 1), "Level 1 (1 mark)");
    }
}
