//! The accessibility statement that Act 306/2019 requires, from `site.yaml`.

use serde::Serialize;

use super::Page;
use crate::content::Compliance;
use crate::render::context::{LocalMarkdown, LocalText, PageContext, web_link};
use crate::render::error::RenderError;

pub fn page(ctx: &PageContext) -> Result<Page, RenderError> {
    let view = view(ctx)?;
    let title = ctx.t("accessibility-title")?;
    Ok(Page::titled(ctx, "accessibility.html", title, &view))
}

#[derive(Debug, Clone, Serialize)]
pub struct AccessibilityView {
    pub compliance: &'static str,
    pub reviewed: String,
    pub reviewed_iso: String,
    pub assessment: Option<LocalMarkdown>,
    pub known_issues: Vec<LocalMarkdown>,
    pub feedback_email: String,
    pub feedback_url: Option<String>,
    pub feedback_name: Option<LocalText>,
    pub authority_name: LocalText,
    pub authority_url: String,
    pub authority_email: Option<String>,
    pub authority_phone: Option<String>,
}

fn view(ctx: &PageContext) -> Result<AccessibilityView, RenderError> {
    let a = &ctx.site.config.accessibility;
    Ok(AccessibilityView {
        compliance: match a.compliance.value {
            Compliance::Fully => "fully",
            Compliance::Partially => "partially",
            Compliance::Not => "not",
        },
        reviewed: ctx.date(a.reviewed.value)?,
        reviewed_iso: a.reviewed.value.to_string(),
        assessment: a.assessment.as_ref().map(|t| ctx.md(t, 3)),
        known_issues: a.known_issues.iter().map(|t| ctx.md(t, 3)).collect(),
        feedback_email: a.feedback.email.clone(),
        feedback_url: web_link(a.feedback.url.as_ref()),
        feedback_name: ctx.opt_txt(&a.feedback.name),
        authority_name: ctx.txt(&a.authority.name),
        authority_url: a.authority.url.value.clone(),
        authority_email: a.authority.email.clone(),
        authority_phone: a.authority.phone.clone(),
    })
}
