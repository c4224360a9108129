//! Question numbers as each board prints them: AQA `01`, `01.1`; Edexcel `1`, `(a)`;
//! Cambridge `1 (a)`. The manifest stores the printed form, so answers can be keyed the way
//! a student reads the paper.

use crate::model::Board;

/// The number of a whole question as printed in the board's style.
pub fn question(board: Board, number: u32) -> String {
    match board {
        Board::Aqa => format!("{number:02}"),
        Board::Edexcel | Board::Cie => number.to_string(),
    }
}

/// The number of a part as printed, in full (question and part), e.g. `01.2` or `1(a)`.
/// AQA numbers parts by position (`01.1`, `01.2`); the others print the part's label.
pub fn part(board: Board, number: u32, part_index: usize, label: &str) -> String {
    match board {
        Board::Aqa => format!("{number:02}.{}", part_index + 1),
        Board::Edexcel | Board::Cie => format!("{number}({label})"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn boards_number_differently() {
        assert_eq!(question(Board::Aqa, 1), "01");
        assert_eq!(question(Board::Edexcel, 1), "1");
        assert_eq!(part(Board::Aqa, 4, 1, "b"), "04.2");
        assert_eq!(part(Board::Cie, 2, 0, "a"), "2(a)");
        assert_eq!(part(Board::Edexcel, 3, 1, "ii"), "3(ii)");
    }
}
