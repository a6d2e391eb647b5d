//! Rendering: model + theme + UI strings -> pages, in memory. Pure, so it
//! runs in parallel and tests check it without touching disk.

pub mod cards;
pub mod charts;
pub mod context;
pub mod error;
pub mod feeds;
pub mod layout;
pub mod pages;
pub mod status;

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use fluent::types::{FluentNumber, FluentNumberOptions};
use fluent::{FluentArgs, FluentValue};
use minijinja::value::{Kwargs, Value, ValueKind};
use minijinja::{Environment, ErrorKind, State, UndefinedBehavior};
use rayon::prelude::*;
use serde::Serialize;

use crate::content::Site;
use crate::diagnostics::{Diagnostic, Diagnostics, Location};
use crate::i18n::{I18n, MessageError};
use crate::output::{OutputFile, hash_name};
use crate::render::error::{RenderError, page_diagnostic, template_diagnostic};
use crate::urls::{Route, all_routes, dir, file_of, folder_of};
pub use context::{PageContext, SiteIndex};

/// A theme read from `themes/<name>/`: templates and static assets.
#[derive(Debug, Clone, Default)]
pub struct Theme {
    /// The folder under `themes/`.
    pub name: String,
    pub templates: Vec<(String, String)>,
    /// Files under `static/`, by path relative to it.
    pub assets: Vec<(String, Vec<u8>)>,
}

impl Theme {
    /// Read `root/themes/<name>/templates/*.html` and `static/**` (IO).
    pub fn load(root: &Path, name: &str) -> Result<Theme, Diagnostics> {
        let base = root.join("themes").join(name);
        let mut theme = Theme {
            name: name.to_string(),
            ..Theme::default()
        };
        let mut diagnostics = Diagnostics::default();
        let mut files = Vec::new();
        if let Err(err) = collect_files(&base, &mut files) {
            diagnostics.push(
                Diagnostic::error(
                    Location::file(format!("themes/{name}")),
                    format!("cannot read the theme: {err}"),
                )
                .with_hint("`theme` in site.yaml names a folder under themes/"),
            );
            return Err(diagnostics);
        }
        files.sort();
        for file in files {
            let relative = file
                .strip_prefix(&base)
                .unwrap_or(&file)
                .to_string_lossy()
                .replace('\\', "/");
            if !crate::content::load::within(root, &file) {
                diagnostics.push(crate::content::load::outside(Path::new(&format!(
                    "themes/{name}/{relative}"
                ))));
                continue;
            }
            if let Some(template) = relative.strip_prefix("templates/") {
                match fs::read_to_string(&file) {
                    Ok(text) => theme.templates.push((template.to_string(), text)),
                    Err(err) => diagnostics.error(
                        Location::file(format!("themes/{name}/{relative}")),
                        err.to_string(),
                    ),
                }
            } else if let Some(asset) = relative.strip_prefix("static/") {
                match fs::read(&file) {
                    Ok(bytes) => theme.assets.push((asset.to_string(), bytes)),
                    Err(err) => diagnostics.error(
                        Location::file(format!("themes/{name}/{relative}")),
                        err.to_string(),
                    ),
                }
            }
        }
        if diagnostics.has_errors() {
            Err(diagnostics)
        } else {
            Ok(theme)
        }
    }

    /// UI string ids used literally in templates: `t("id"` and `t('id'`.
    pub fn message_ids(&self) -> BTreeSet<String> {
        let mut ids = BTreeSet::new();
        for (_, source) in &self.templates {
            for quote in ['"', '\''] {
                let needle = format!("t({quote}");
                let mut rest = source.as_str();
                while let Some(pos) = rest.find(&needle) {
                    rest = &rest[pos + needle.len()..];
                    if let Some(end) = rest.find(quote) {
                        let id = &rest[..end];
                        // `t("status-" ~ key)` builds its id at render time.
                        let whole = rest[end + 1..].trim_start().starts_with([')', ',']);
                        if whole
                            && !id.is_empty()
                            && id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
                        {
                            ids.insert(id.to_string());
                        }
                    }
                }
            }
        }
        ids
    }
}

fn collect_files(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in fs::read_dir(dir)? {
        let entry = entry?;
        if entry.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        if entry.file_type()?.is_dir() {
            collect_files(&entry.path(), out)?;
        } else {
            out.push(entry.path());
        }
    }
    Ok(())
}

fn environment(theme: &Theme, i18n: Arc<I18n>) -> Result<Environment<'static>, Diagnostics> {
    let mut env = Environment::new();
    env.set_undefined_behavior(UndefinedBehavior::Strict);
    env.set_syntax(
        minijinja::syntax::SyntaxConfig::builder()
            .trim_blocks(true)
            .lstrip_blocks(true)
            .build()
            .expect("the default delimiters are valid"),
    );
    // Escape what HTML needs, and leave `/` readable in URLs and text.
    env.set_formatter(|out, state, value| match value.as_str() {
        Some(text)
            if matches!(state.auto_escape(), minijinja::AutoEscape::Html) && !value.is_safe() =>
        {
            crate::escape::html_to(out, text).map_err(minijinja::Error::from)
        }
        _ => minijinja::escape_formatter(out, state, value),
    });
    let mut diagnostics = Diagnostics::default();
    for (name, source) in &theme.templates {
        if let Err(err) = env.add_template_owned(name.clone(), source.clone()) {
            diagnostics.push(template_diagnostic(&theme.name, err.into()));
        }
    }
    env.add_filter("css_string", |text: String| {
        Value::from_safe_string(crate::escape::css_string(&text))
    });
    // `{{ style|csp }}`: the policy that allows this inline style (none for "").
    env.add_filter("csp", |style: String| {
        Value::from_safe_string(crate::escape::content_security_policy(&[&style]))
    });
    env.add_function("t", move |state: &State, id: String, kwargs: Kwargs| {
        let lang = state
            .lookup("lang")
            .and_then(|v| v.as_str().map(str::to_string))
            .ok_or_else(|| minijinja::Error::new(ErrorKind::UndefinedError, "`lang` is not set"))?;
        let mut args = FluentArgs::new();
        for key in kwargs.args() {
            let value: Value = kwargs.get(key)?;
            match value.kind() {
                ValueKind::Number => {
                    let n = f64::try_from(value.clone()).unwrap_or(0.0);
                    args.set(
                        key.to_string(),
                        FluentValue::Number(FluentNumber::new(n, FluentNumberOptions::default())),
                    );
                }
                _ => args.set(key.to_string(), value.to_string()),
            }
        }
        kwargs.assert_all_used()?;
        i18n.message(&lang, &id, Some(&args))
            .map_err(|err| minijinja::Error::new(ErrorKind::InvalidOperation, err.to_string()))
    });
    if diagnostics.has_errors() {
        Err(diagnostics)
    } else {
        Ok(env)
    }
}

#[derive(Serialize)]
struct TemplateContext<'a> {
    lang: &'a str,
    layout: layout::Layout,
    page: Value,
}

/// A compiled theme, ready to render pages of a site: templates are
/// compiled once and reused for every page and every rebuild.
pub struct Renderer {
    env: Environment<'static>,
    /// The theme's folder name, where template errors are located.
    theme: String,
    i18n: Arc<I18n>,
    css_name: String,
    assets: Vec<OutputFile>,
}

impl Renderer {
    pub fn new(theme: &Theme, i18n: Arc<I18n>) -> Result<Renderer, Diagnostics> {
        let env = environment(theme, i18n.clone())?;
        let mut css_name = String::from("style.css");
        let mut assets = Vec::new();
        for (path, bytes) in &theme.assets {
            let path = if path == "style.css" {
                css_name = format!("style.{}.css", hash_name(bytes));
                css_name.clone()
            } else {
                path.clone()
            };
            assets.push(OutputFile {
                path: format!("assets/{path}"),
                bytes: bytes.clone(),
            });
        }
        Ok(Renderer {
            env,
            theme: theme.name.clone(),
            i18n,
            css_name,
            assets,
        })
    }

    /// The theme's static files, with the stylesheet's hashed name.
    pub fn assets(&self) -> &[OutputFile] {
        &self.assets
    }

    /// Every page of every language: what a full build renders.
    pub fn all_pages(site: &Site) -> Vec<(String, Route)> {
        let routes = all_routes(site);
        site.config
            .languages
            .iter()
            .flat_map(|lang| routes.iter().map(move |r| (lang.clone(), r.clone())))
            .collect()
    }

    /// Render the given pages in parallel; every failure is reported.
    pub fn render_pages(
        &self,
        site: &Site,
        pages: &[(String, Route)],
    ) -> Result<Vec<OutputFile>, Diagnostics> {
        let (mut outputs, diagnostics) = self.render_each(site, &SiteIndex::new(site), pages);
        if diagnostics.has_errors() {
            return Err(diagnostics.sorted());
        }
        let default_404 = format!("{}/404.html", site.config.default_language());
        if let Some(not_found) = outputs.iter().find(|f| f.path == default_404) {
            outputs.push(root_404(not_found));
        }
        Ok(outputs)
    }

    /// The pages that render, and the problems of those that do not.
    /// `index` is `site`'s, made once for all the batches of a build.
    pub fn render_each(
        &self,
        site: &Site,
        index: &SiteIndex,
        pages: &[(String, Route)],
    ) -> (Vec<OutputFile>, Diagnostics) {
        let rendered: Vec<Result<OutputFile, Diagnostic>> = pages
            .par_iter()
            .map(|(lang, route)| self.page(site, index, lang, route))
            .collect();
        let mut outputs = Vec::with_capacity(rendered.len());
        let mut diagnostics = Diagnostics::default();
        for result in rendered {
            match result {
                Ok(file) => outputs.push(file),
                Err(d) => diagnostics.push(d),
            }
        }
        (outputs, diagnostics)
    }

    /// The files of the site that are not pages of [`Renderer::all_pages`]
    /// and come from the theme and the UI strings: the assets, `/` (pointing
    /// to the default language), `/404.html`, the feeds, the sitemap and
    /// `robots.txt`.
    pub fn fixed_files(&self, site: &Site) -> Result<Vec<OutputFile>, Diagnostics> {
        let default = site.config.default_language();
        let mut outputs = self.assets.clone();
        // Also where browsers look for it when a page names none (`/`).
        if let Some(icon) = self.assets.iter().find(|f| f.path == "assets/favicon.ico") {
            outputs.push(OutputFile {
                path: "favicon.ico".into(),
                bytes: icon.bytes.clone(),
            });
        }
        outputs.push(
            render_root(&self.env, &self.theme, &self.css_name, &self.i18n, site)
                .map_err(Diagnostics::from)?,
        );
        let not_found = self
            .page(site, &SiteIndex::new(site), default, &Route::NotFound)
            .map_err(Diagnostics::from)?;
        outputs.push(root_404(&not_found));
        outputs.extend(self.discovery_files(site)?);
        Ok(outputs)
    }
}

/// `/404.html` for servers that look there: the default language's page.
fn root_404(not_found: &OutputFile) -> OutputFile {
    OutputFile {
        path: "404.html".into(),
        bytes: not_found.bytes.clone(),
    }
}

impl Renderer {
    /// `sitemap.xml` (and its parts, on a large site).
    pub fn sitemap(&self, site: &Site) -> Result<Vec<OutputFile>, Diagnostics> {
        feeds::sitemap(site, &self.i18n)
            .map_err(|err| Diagnostics::from(template_diagnostic(&self.theme, err)))
    }

    /// Atom feeds, sitemap and robots.txt.
    pub fn discovery_files(&self, site: &Site) -> Result<Vec<OutputFile>, Diagnostics> {
        let mut files = vec![feeds::robots(site)];
        let mut results = Vec::new();
        match feeds::sitemap(site, &self.i18n) {
            Ok(sitemap) => files.extend(sitemap),
            Err(err) => results.push(Err(err)),
        }
        results.extend(
            site.config
                .languages
                .iter()
                .map(|lang| feeds::atom(site, &self.i18n, lang)),
        );
        let mut diagnostics = Diagnostics::default();
        for result in results {
            match result {
                Ok(file) => files.push(file),
                Err(err) => diagnostics.push(template_diagnostic(&self.theme, err)),
            }
        }
        if diagnostics.has_errors() {
            Err(diagnostics)
        } else {
            Ok(files)
        }
    }
}

/// One of the site's languages as the root page offers it, in its own
/// words.
#[derive(Debug, Clone, Serialize)]
struct RootLanguage {
    lang: String,
    href: String,
    name: String,
    site_title: String,
    enter: String,
}

/// `/`: the site's name and a way in for each of its languages, each in
/// its own language; search engines are sent to the default language's
/// home (canonical, and `x-default`).
fn render_root(
    env: &Environment,
    theme: &str,
    css_name: &str,
    i18n: &I18n,
    site: &Site,
) -> Result<OutputFile, Diagnostic> {
    let failed = |e: RenderError| template_diagnostic(theme, e);
    let default = site.config.default_language();
    let languages = site
        .config
        .languages
        .iter()
        .map(|lang| {
            Ok(RootLanguage {
                lang: lang.clone(),
                href: format!("{lang}/"),
                name: i18n.message(lang, "language-name", None)?,
                site_title: site
                    .config
                    .title
                    .get(lang, default)
                    .unwrap_or_default()
                    .to_string(),
                enter: i18n.message(lang, "root-enter", None)?,
            })
        })
        .collect::<Result<Vec<_>, MessageError>>()
        .map_err(|e| failed(e.into()))?;
    let template = env
        .get_template("redirect.html")
        .map_err(|e| failed(e.into()))?;
    let html = template
        .render(minijinja::context! {
            lang => default,
            target => format!("{default}/"),
            base_url => &site.config.base_url,
            css => format!("assets/{css_name}"),
            site_title => site.config.title.get(default, default).unwrap_or_default(),
            languages => Value::from(minijinja::value::Serde(&languages)),
        })
        .map_err(|e| failed(e.into()))?;
    Ok(OutputFile {
        path: "index.html".into(),
        bytes: html.into_bytes(),
    })
}

fn base_path(base_url: &str) -> String {
    // `https://example.fi/tavoitteet/` -> `/tavoitteet/`
    let without_scheme = base_url
        .split_once("://")
        .map_or(base_url, |(_, rest)| rest);
    match without_scheme.find('/') {
        Some(i) => without_scheme[i..].to_string(),
        None => "/".to_string(),
    }
}

impl Renderer {
    /// One page in one language.
    fn page(
        &self,
        site: &Site,
        index: &SiteIndex,
        lang: &str,
        route: &Route,
    ) -> Result<OutputFile, Diagnostic> {
        let failed = |err: RenderError| page_diagnostic(&self.theme, site, lang, route, err);
        let accessibility_slug =
            crate::urls::accessibility_slug(&self.i18n, lang).map_err(|e| failed(e.into()))?;
        let target = dir(lang, route, &accessibility_slug);
        let ctx = PageContext {
            site,
            index,
            i18n: &self.i18n,
            lang,
            here: folder_of(&target),
            absolute_base: (route == &Route::NotFound).then(|| base_path(&site.config.base_url)),
            accessibility_slug,
        };
        let html = render_route(&self.env, &ctx, route, &self.css_name).map_err(failed)?;
        Ok(OutputFile {
            path: file_of(&target),
            bytes: html.into_bytes(),
        })
    }
}

fn render_route(
    env: &Environment,
    ctx: &PageContext,
    route: &Route,
    css: &str,
) -> Result<String, RenderError> {
    let page = pages::page(ctx, route)?;
    let layout = layout::layout(
        ctx,
        route,
        page.title,
        page.description,
        page.breadcrumbs,
        css,
    )?;
    let template = env.get_template(page.template)?;
    Ok(
        template.render(Value::from(minijinja::value::Serde(TemplateContext {
            lang: ctx.lang,
            layout,
            page: page.view,
        })))?,
    )
}
