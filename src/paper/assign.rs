//! Giving every place of a paper its own question, with no topic used more than a set number
//! of times: a maximum flow (places → questions → topics), so whether a paper exists is
//! decided in polynomial time rather than by a search that may try every combination first.
//!
//! A depth-first search over shuffled candidates finds *a* paper, but when none exists it
//! only learns so after trying them all: seven sections each wanting one of six questions
//! took minutes. Here every choice is checked against the flow before it is made, so the
//! places are filled in order, each with the first candidate (in the caller's order) that
//! still leaves a way to fill all the others — the same paper the search would have found,
//! in at most places × candidates flow computations, and no backtracking.

/// What to fill: for each place in printed order, its candidate questions in the order to
/// try them, and each question's group (its topic).
pub struct Problem<'a> {
    /// Per place, candidate question indices, in preferred order.
    pub candidates: &'a [Vec<usize>],
    /// The group of each question index that occurs among the candidates.
    pub group: &'a dyn Fn(usize) -> usize,
    /// The most questions of one group a paper may hold.
    pub per_group: usize,
}

/// Why no assignment exists: places `0..=place` cannot all be filled together, though every
/// earlier prefix can. So `place` is the first that finds its candidates taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Short {
    /// Index of the place that cannot be filled.
    pub place: usize,
}

/// Fill every place: entry `i` is the question chosen for place `i`.
pub fn assign(problem: &Problem<'_>) -> Result<Vec<usize>, Short> {
    let n = problem.candidates.len();
    let mut chosen: Vec<usize> = Vec::with_capacity(n);
    // First prove that a paper exists at all, naming the first place that cannot be filled.
    if let Some(place) = first_short(problem, &chosen) {
        return Err(Short { place });
    }
    for place in 0..n {
        let mut found = false;
        for &c in &problem.candidates[place] {
            if chosen.contains(&c) || group_count(problem, &chosen, c) >= problem.per_group {
                continue;
            }
            chosen.push(c);
            if first_short(problem, &chosen).is_none() {
                found = true;
                break;
            }
            chosen.pop();
        }
        if !found {
            // Unreachable: the flow proved a completion exists for some candidate.
            return Err(Short { place });
        }
    }
    Ok(chosen)
}

fn group_count(problem: &Problem<'_>, chosen: &[usize], question: usize) -> usize {
    let g = (problem.group)(question);
    chosen.iter().filter(|&&q| (problem.group)(q) == g).count()
}

/// With the first `fixed.len()` places filled by `fixed`, the first later place that cannot
/// be filled alongside the places before it; `None` when all can.
fn first_short(problem: &Problem<'_>, fixed: &[usize]) -> Option<usize> {
    let open = &problem.candidates[fixed.len()..];
    // Nodes: source, the open places, the questions still free, the groups, sink.
    let mut questions: Vec<usize> = open
        .iter()
        .flatten()
        .copied()
        .filter(|q| !fixed.contains(q))
        .collect();
    questions.sort_unstable();
    questions.dedup();
    let mut groups: Vec<usize> = questions.iter().map(|&q| (problem.group)(q)).collect();
    groups.sort_unstable();
    groups.dedup();
    let source = 0;
    let place_node = |p: usize| 1 + p;
    let question_node = |q: usize| 1 + open.len() + questions.binary_search(&q).unwrap_or(0);
    let group_node =
        |g: usize| 1 + open.len() + questions.len() + groups.binary_search(&g).unwrap_or(0);
    let sink = 1 + open.len() + questions.len() + groups.len();
    let mut flow = Flow::new(sink + 1);
    for (i, &q) in questions.iter().enumerate() {
        flow.edge(1 + open.len() + i, group_node((problem.group)(q)), 1);
    }
    for &g in &groups {
        let used = fixed.iter().filter(|&&q| (problem.group)(q) == g).count();
        flow.edge(group_node(g), sink, problem.per_group.saturating_sub(used));
    }
    for (p, candidates) in open.iter().enumerate() {
        for &q in candidates {
            if !fixed.contains(&q) {
                flow.edge(place_node(p), question_node(q), 1);
            }
        }
    }
    // Augment one place at a time, in order: the first that finds no path is the one that
    // cannot join the places before it.
    for p in 0..open.len() {
        let into = flow.edge(source, place_node(p), 1);
        if !flow.augment(source, sink) {
            flow.cap[into] = 0;
            return Some(fixed.len() + p);
        }
    }
    None
}

/// A small flow network with unit-style capacities, augmented by depth-first paths.
struct Flow {
    /// Outgoing edge indices per node.
    out: Vec<Vec<usize>>,
    /// Edge targets; edge `e ^ 1` is the reverse of `e`.
    to: Vec<usize>,
    /// Remaining capacities.
    cap: Vec<usize>,
}

impl Flow {
    fn new(nodes: usize) -> Flow {
        Flow {
            out: vec![Vec::new(); nodes],
            to: Vec::new(),
            cap: Vec::new(),
        }
    }

    /// Add an edge and its reverse; returns the forward edge's index.
    fn edge(&mut self, from: usize, to: usize, cap: usize) -> usize {
        let e = self.to.len();
        self.out[from].push(e);
        self.to.push(to);
        self.cap.push(cap);
        self.out[to].push(e + 1);
        self.to.push(from);
        self.cap.push(0);
        e
    }

    /// Push one unit from `source` to `sink` if a path with room exists.
    fn augment(&mut self, source: usize, sink: usize) -> bool {
        let mut seen = vec![false; self.out.len()];
        self.push(source, sink, &mut seen)
    }

    fn push(&mut self, at: usize, sink: usize, seen: &mut [bool]) -> bool {
        if at == sink {
            return true;
        }
        seen[at] = true;
        for i in 0..self.out[at].len() {
            let e = self.out[at][i];
            let next = self.to[e];
            if self.cap[e] > 0 && !seen[next] && self.push(next, sink, seen) {
                self.cap[e] -= 1;
                self.cap[e ^ 1] += 1;
                return true;
            }
        }
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn solve(
        candidates: &[Vec<usize>],
        groups: &[usize],
        per_group: usize,
    ) -> Result<Vec<usize>, Short> {
        let group = |q: usize| groups[q];
        assign(&Problem {
            candidates,
            group: &group,
            per_group,
        })
    }

    #[test]
    fn takes_the_first_candidate_that_leaves_a_way() {
        // Place 0 prefers 1, but place 1 can only have 1: so place 0 gets 0.
        let c = vec![vec![1, 0], vec![1]];
        assert_eq!(solve(&c, &[0, 1], 2), Ok(vec![0, 1]));
        let c = vec![vec![1, 0], vec![2, 1]];
        assert_eq!(solve(&c, &[0, 1, 2], 2), Ok(vec![1, 2]));
    }

    #[test]
    fn spreads_over_groups_when_capped() {
        // Questions 0 and 1 share a group; with one a group, place 1 must take question 2.
        let c = vec![vec![0, 1, 2], vec![1, 2]];
        assert_eq!(solve(&c, &[0, 0, 1], 1), Ok(vec![0, 2]));
        assert_eq!(solve(&c, &[0, 0, 1], 2), Ok(vec![0, 1]));
        let c = vec![vec![0], vec![1]];
        assert_eq!(solve(&c, &[0, 0], 1), Err(Short { place: 1 }));
    }

    #[test]
    fn names_the_first_place_that_cannot_be_filled_and_returns_fast() {
        // Seven places each wanting one of the same six questions, after 21 places with
        // plenty of choice: a search would try every combination of the first 21 first.
        let mut c: Vec<Vec<usize>> = Vec::new();
        for _section in 0..7 {
            for k in 0..3 {
                c.push((100 + 30 * k..130 + 30 * k).collect());
            }
            c.push((0..6).collect());
        }
        // Without a bound on the work this test would not finish.
        let groups: Vec<usize> = (0..300).collect();
        assert_eq!(solve(&c, &groups, 1), Err(Short { place: 27 }));
    }
}
