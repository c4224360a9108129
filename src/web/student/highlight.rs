//! The answer shown again with the words that earned (or blocked) each point marked: one
//! colour and number per point, so the legend says which words did what. Pure data here;
//! the result page renders it.

use crate::marking::{MarkResult, PointStatus};

/// How many highlight colours the stylesheet defines (`.hl-0` … `.hl-7`).
pub const COLOURS: usize = 8;

/// One point that has words in the answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LegendEntry {
    /// Number shown beside its words (1, 2…).
    pub number: usize,
    /// Index of the point in the result.
    pub point: usize,
    /// Colour class index.
    pub colour: usize,
    /// What happened to it.
    pub status: PointStatus,
}

/// A run of the answer: plain, or the words of one legend entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment<'a> {
    /// The text.
    pub text: &'a str,
    /// Index into the legend, for highlighted words.
    pub entry: Option<usize>,
}

/// The answer split into plain and highlighted runs, with the legend.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Highlighted<'a> {
    /// The runs, in order; together they are the whole answer.
    pub segments: Vec<Segment<'a>>,
    /// One entry per point with evidence, in scheme order.
    pub legend: Vec<LegendEntry>,
}

/// Split `answer` by the evidence in `result`. Where spans overlap, the earlier point in
/// the scheme keeps the words. Spans that do not fall on character boundaries of `answer`
/// (a result marked against other text) are ignored rather than trusted.
pub fn highlight<'a>(answer: &'a str, result: &MarkResult) -> Highlighted<'a> {
    let mut legend = Vec::new();
    let mut spans: Vec<(usize, usize, usize)> = Vec::new();
    for (i, point) in result.points.iter().enumerate() {
        let valid: Vec<_> = point
            .evidence
            .iter()
            .filter(|e| {
                e.start < e.end
                    && e.end <= answer.len()
                    && answer.is_char_boundary(e.start)
                    && answer.is_char_boundary(e.end)
            })
            .collect();
        if valid.is_empty() {
            continue;
        }
        let entry = legend.len();
        legend.push(LegendEntry {
            number: entry + 1,
            point: i,
            colour: entry % COLOURS,
            status: point.status,
        });
        spans.extend(valid.iter().map(|e| (e.start, e.end, entry)));
    }
    let mut cuts: Vec<usize> = spans.iter().flat_map(|s| [s.0, s.1]).collect();
    cuts.extend([0, answer.len()]);
    cuts.sort_unstable();
    cuts.dedup();
    let mut segments: Vec<Segment<'a>> = Vec::new();
    for pair in cuts.windows(2) {
        let (from, to) = (pair[0], pair[1]);
        let owner = spans
            .iter()
            .filter(|s| s.0 <= from && to <= s.1)
            .map(|s| s.2)
            .min();
        match segments.last_mut() {
            Some(last) if last.entry == owner && owner.is_some() => {
                let start = last.text.as_ptr() as usize - answer.as_ptr() as usize;
                last.text = &answer[start..to];
            }
            _ => segments.push(Segment {
                text: &answer[from..to],
                entry: owner,
            }),
        }
    }
    Highlighted { segments, legend }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::marking::{Evidence, PointOutcome};

    fn point(status: PointStatus, spans: &[(usize, usize)], answer: &str) -> PointOutcome {
        PointOutcome {
            id: "p".into(),
            label: "p".into(),
            status,
            awarded: 1,
            available: 1,
            developed: false,
            evidence: spans
                .iter()
                .map(|&(start, end)| Evidence {
                    start,
                    end,
                    text: answer[start..end].to_string(),
                })
                .collect(),
            reason: String::new(),
        }
    }

    #[test]
    fn runs_cover_the_whole_answer_and_the_earlier_point_keeps_overlaps() {
        let answer = "Dubček began reforms; tanks came in.";
        let result = MarkResult {
            key: "k".into(),
            awarded: 1,
            max: 2,
            points: vec![
                point(PointStatus::Credited, &[(0, 7), (23, 28)], answer),
                point(PointStatus::Missed, &[], answer),
                point(PointStatus::Negated, &[(5, 21)], answer),
            ],
            level: None,
            penalties: vec![],
            notes: vec![],
            model_answer: String::new(),
        };
        let h = highlight(answer, &result);
        let joined: String = h.segments.iter().map(|s| s.text).collect();
        assert_eq!(joined, answer);
        assert_eq!(h.legend.len(), 2, "the missed point has no words");
        assert_eq!(h.legend[1].point, 2);
        let marked: Vec<(&str, Option<usize>)> =
            h.segments.iter().map(|s| (s.text, s.entry)).collect();
        assert_eq!(
            marked,
            vec![
                ("Dubček", Some(0)),
                (" began reforms", Some(1)),
                ("; ", None),
                ("tanks", Some(0)),
                (" came in.", None),
            ]
        );
    }

    #[test]
    fn spans_off_character_boundaries_are_ignored() {
        let answer = "Dubček";
        let result = MarkResult {
            key: "k".into(),
            awarded: 0,
            max: 1,
            points: vec![point(PointStatus::Credited, &[], answer)],
            level: None,
            penalties: vec![],
            notes: vec![],
            model_answer: String::new(),
        };
        let mut result = result;
        result.points[0].evidence.push(Evidence {
            start: 0,
            end: 4,
            text: String::new(),
        });
        let h = highlight(answer, &result);
        assert!(h.legend.is_empty());
        assert_eq!(
            h.segments,
            vec![Segment {
                text: answer,
                entry: None
            }]
        );
    }
}
