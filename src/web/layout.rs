//! The page frame every page shares: head, header with navigation, main, footer. Pages
//! build only their `main` content and hand it to [`page`]. maud escapes every
//! interpolated string, so text a student typed can never become markup.

use super::assets;
use maud::{DOCTYPE, Markup, html};

/// Which part of the app a page belongs to, for the navigation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Area {
    /// The student pages under `/`.
    Student,
    /// The teacher pages under `/teacher/`.
    Teacher,
}

/// What the frame needs to know about a page.
#[derive(Debug, Clone)]
pub struct PageMeta {
    /// The page's title (also the browser tab's).
    pub title: String,
    /// Student or teacher navigation.
    pub area: Area,
    /// Which navigation link is the current page (its href).
    pub current: &'static str,
    /// The signed-in student's name, shown in the header on a network server.
    pub who: Option<String>,
}

impl PageMeta {
    /// A student page.
    pub fn student(title: &str) -> PageMeta {
        PageMeta {
            title: title.to_string(),
            area: Area::Student,
            current: "",
            who: None,
        }
    }

    /// A teacher page.
    pub fn teacher(title: &str) -> PageMeta {
        PageMeta {
            title: title.to_string(),
            area: Area::Teacher,
            current: "",
            who: None,
        }
    }

    /// Mark `href` as the current navigation entry.
    pub fn at(mut self, href: &'static str) -> PageMeta {
        self.current = href;
        self
    }
}

const STUDENT_NAV: &[(&str, &str)] = &[("/", "Practise"), ("/progress", "My progress")];
const TEACHER_NAV: &[(&str, &str)] = &[
    ("/teacher/", "Teacher home"),
    ("/teacher/paper", "Make a paper"),
    ("/teacher/class", "Mark a class"),
    ("/teacher/moderate", "Moderate"),
    ("/teacher/bank", "The bank"),
];

/// A whole HTML page around `main`.
pub fn page(meta: &PageMeta, main: Markup) -> Markup {
    let nav = match meta.area {
        Area::Student => STUDENT_NAV,
        Area::Teacher => TEACHER_NAV,
    };
    html! {
        (DOCTYPE)
        html lang="en-GB" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (meta.title) " · examkit" }
                link rel="icon" href=(assets::url("icon.svg")) type="image/svg+xml";
                link rel="stylesheet" href=(assets::url("app.css"));
                script src=(assets::url("app.js")) defer {}
                @if meta.area == Area::Teacher {
                    link rel="stylesheet" href=(assets::url("teacher.css"));
                    script src=(assets::url("teacher.js")) defer {}
                }
            }
            body class=(match meta.area { Area::Student => "student", Area::Teacher => "teacher" }) {
                a.skip href="#main" { "Skip to content" }
                header.site {
                    div.wrap {
                        a.brand href=(match meta.area { Area::Student => "/", Area::Teacher => "/teacher/" }) {
                            img src=(assets::url("icon.svg")) alt="" width="28" height="28";
                            span { "examkit" }
                            @if meta.area == Area::Teacher { span.tag { "Teacher" } }
                        }
                        nav aria-label="Main" {
                            ul {
                                @for (href, label) in nav {
                                    li {
                                        @if *href == meta.current {
                                            a href=(href) aria-current="page" { (label) }
                                        } @else {
                                            a href=(href) { (label) }
                                        }
                                    }
                                }
                            }
                        }
                        @if let Some(who) = &meta.who {
                            span.who { "Signed in as " strong { (who) } }
                        }
                    }
                }
                main #main.wrap tabindex="-1" { (main) }
                footer.site {
                    div.wrap { "examkit · works offline · answers are kept on the computer running it" }
                }
            }
        }
    }
}

/// The page a student on a network server sees before joining: class code and name.
pub fn join_page(error: Option<&str>) -> Markup {
    page(
        &PageMeta::student("Join your class"),
        html! {
            section.card.narrow {
                h1 { "Join your class" }
                p { "Type the class code your teacher gave you, and your name, to start practising." }
                @if let Some(error) = error {
                    p.notice.error role="alert" { (error) }
                }
                form method="post" action="/join" {
                    div.field {
                        label for="code" { "Class code" }
                        input #code name="code" type="text" autocomplete="off" required
                            autocapitalize="characters" spellcheck="false" maxlength="40";
                    }
                    div.field {
                        label for="name" { "Your name" }
                        input #name name="name" type="text" autocomplete="name" required maxlength="60";
                    }
                    button.primary type="submit" { "Join" }
                }
            }
        },
    )
}

/// The page a teacher sees without (or with a wrong) teacher token.
pub fn token_page(message: &str) -> Markup {
    page(
        &PageMeta::teacher("Teachers only"),
        html! {
            section.card.narrow {
                h1 { "Teachers only" }
                p.notice.error role="alert" { (message) }
                form method="get" action="/teacher/" {
                    div.field {
                        label for="token" { "Teacher token" }
                        input #token name="token" type="password" autocomplete="off" required;
                    }
                    button.primary type="submit" { "Continue" }
                }
            }
        },
    )
}
