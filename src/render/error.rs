//! Why a page did not render, with what is needed to say where.

use crate::i18n::MessageError;

#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    /// A template failed: its name under `templates/` and the line.
    #[error("{message}")]
    Template {
        template: String,
        line: Option<usize>,
        message: String,
    },
    /// A UI string could not be given.
    #[error(transparent)]
    Message(#[from] MessageError),
    /// The page's content is not what its route expects.
    #[error("{0}")]
    Content(String),
}

impl From<minijinja::Error> for RenderError {
    fn from(err: minijinja::Error) -> RenderError {
        let mut message = err.to_string();
        let mut source = std::error::Error::source(&err);
        while let Some(cause) = source {
            message.push_str(&format!(": {cause}"));
            source = cause.source();
        }
        RenderError::Template {
            template: err.name().unwrap_or("?").to_string(),
            line: err.line(),
            message,
        }
    }
}

impl From<&str> for RenderError {
    fn from(message: &str) -> RenderError {
        RenderError::Content(message.to_string())
    }
}

impl From<String> for RenderError {
    fn from(message: String) -> RenderError {
        RenderError::Content(message)
    }
}
