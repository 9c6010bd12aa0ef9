//! The answers a person has given, by question: a small map kept sorted by question id.
//!
//! A questionnaire has a dozen answers at most, so a sorted vector does all a `BTreeMap` did
//! here (same order when iterating) with a fraction of the code shipped in the wasm.

use crate::eval::Answer;
use crate::ids::QuestionId;
use crate::wire::{Reader, Wire};
use serde::{Deserialize, Serialize};

/// Every answer given so far, by question. Answers to questions off the current path are
/// kept (so a person who goes back finds them again) but never count.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Answers(Vec<(QuestionId, Answer)>);

impl Wire for Answers {
    fn read(reader: &mut Reader) -> Self {
        Answers(Vec::read(reader))
    }
}

impl Answers {
    pub const fn new() -> Answers {
        Answers(Vec::new())
    }

    fn find(&self, question: &QuestionId) -> Result<usize, usize> {
        self.0.binary_search_by(|(q, _)| q.cmp(question))
    }

    /// Sets the answer to `question`, returning the one it replaces.
    pub fn insert(&mut self, question: QuestionId, answer: Answer) -> Option<Answer> {
        match self.find(&question) {
            Ok(at) => Some(std::mem::replace(&mut self.0[at].1, answer)),
            Err(at) => {
                self.0.insert(at, (question, answer));
                None
            }
        }
    }

    pub fn get(&self, question: &QuestionId) -> Option<&Answer> {
        self.find(question).ok().map(|at| &self.0[at].1)
    }

    pub fn remove(&mut self, question: &QuestionId) -> Option<Answer> {
        self.find(question).ok().map(|at| self.0.remove(at).1)
    }

    pub fn contains_key(&self, question: &QuestionId) -> bool {
        self.find(question).is_ok()
    }

    /// The answers in question-id order.
    pub fn iter(&self) -> impl Iterator<Item = (&QuestionId, &Answer)> {
        self.into_iter()
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn clear(&mut self) {
        self.0.clear();
    }
}

impl std::ops::Index<&QuestionId> for Answers {
    type Output = Answer;

    fn index(&self, question: &QuestionId) -> &Answer {
        self.get(question).expect("no answer to this question")
    }
}

impl<'a> IntoIterator for &'a Answers {
    type Item = (&'a QuestionId, &'a Answer);
    type IntoIter = std::iter::Map<std::slice::Iter<'a, (QuestionId, Answer)>, fn(&'a (QuestionId, Answer)) -> (&'a QuestionId, &'a Answer)>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.iter().map(|(q, a)| (q, a))
    }
}

impl IntoIterator for Answers {
    type Item = (QuestionId, Answer);
    type IntoIter = std::vec::IntoIter<(QuestionId, Answer)>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

/// Later answers to the same question replace earlier ones, as with repeated `insert`.
impl FromIterator<(QuestionId, Answer)> for Answers {
    fn from_iter<I: IntoIterator<Item = (QuestionId, Answer)>>(items: I) -> Answers {
        let mut answers = Answers::new();
        for (question, answer) in items {
            answers.insert(question, answer);
        }
        answers
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::collections::BTreeMap;

    proptest! {
        /// Any sequence of inserts and removes leaves the same answers, in the same order, as
        /// the BTreeMap this replaces.
        #[test]
        fn behaves_like_a_btree_map(ops in proptest::collection::vec((0u8..8, 0u8..4, any::<bool>()), 0..40)) {
            let (mut ours, mut model) = (Answers::new(), BTreeMap::new());
            for (q, o, insert) in ops {
                let (question, answer) = (QuestionId::from(format!("q{q}").as_str()), Answer::Choice(format!("o{o}").as_str().into()));
                if insert {
                    prop_assert_eq!(ours.insert(question.clone(), answer.clone()), model.insert(question, answer));
                } else {
                    prop_assert_eq!(ours.remove(&question), model.remove(&question));
                }
                prop_assert_eq!(ours.iter().collect::<Vec<_>>(), model.iter().collect::<Vec<_>>());
                prop_assert_eq!(ours.len(), model.len());
                prop_assert_eq!(ours.is_empty(), model.is_empty());
                for q in 0..8 {
                    let id = QuestionId::from(format!("q{q}").as_str());
                    prop_assert_eq!(ours.get(&id), model.get(&id));
                    prop_assert_eq!(ours.contains_key(&id), model.contains_key(&id));
                }
            }
            ours.clear();
            prop_assert!(ours.is_empty() && ours.iter().next().is_none(), "clear leaves nothing");
        }
    }
}
