//! Screens and their URL fragments. A fragment names a topic and a question at most, never
//! an answer, and hash routing works from `file://` as well as from a server.

use ethics_engine::{QuestionId, TopicId};

/// What the user is looking at.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Screen {
    Start,
    Question(QuestionId),
    CheckAnswers,
    Result,
}

impl Screen {
    /// The fragment for this screen of a topic, such as `#/gifts/cash`.
    pub fn fragment(&self, topic: &TopicId) -> String {
        match self {
            Screen::Start => "#/".to_owned(),
            Screen::Question(q) => format!("#/{topic}/{q}"),
            Screen::CheckAnswers => format!("#/{topic}/check-answers"),
            Screen::Result => format!("#/{topic}/result"),
        }
    }

    /// Reads a fragment back: the topic it names (if any) and the screen.
    pub fn parse(fragment: &str) -> (Option<TopicId>, Screen) {
        let path = fragment.trim_start_matches('#').trim_start_matches('/');
        let mut parts = path.splitn(2, '/');
        match (parts.next().filter(|t| !t.is_empty()), parts.next()) {
            (Some(topic), Some("check-answers")) => (Some(topic.into()), Screen::CheckAnswers),
            (Some(topic), Some("result")) => (Some(topic.into()), Screen::Result),
            (Some(topic), Some(question)) if !question.is_empty() => (Some(topic.into()), Screen::Question(question.into())),
            (Some(topic), _) => (Some(topic.into()), Screen::Start),
            (None, _) => (None, Screen::Start),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Screen;

    #[test]
    fn fragments_round_trip() {
        let topic = "gifts".into();
        for screen in [Screen::Start, Screen::Question("cash".into()), Screen::CheckAnswers, Screen::Result] {
            let (parsed_topic, parsed) = Screen::parse(&screen.fragment(&topic));
            assert_eq!(parsed, screen);
            if screen != Screen::Start {
                assert_eq!(parsed_topic, Some(topic.clone()));
            }
        }
        assert_eq!(Screen::parse(""), (None, Screen::Start));
        assert_eq!(Screen::parse("#"), (None, Screen::Start));
    }
}
