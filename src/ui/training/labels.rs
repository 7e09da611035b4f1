//! The names of a module's area, format and audience in the interface language. Area names
//! are the overview's (the training chart shows the same areas).

use std::borrow::Cow;

use crate::i18n::{Lang, tr};
use crate::model::{Audience, ModuleArea, ModuleFormat};

pub fn area(lang: Lang, area: ModuleArea) -> Cow<'static, str> {
    crate::i18n::findings::area_label(lang, area)
}

pub fn format(lang: Lang, format: ModuleFormat) -> Cow<'static, str> {
    let key = match format {
        ModuleFormat::Classroom => "training.format.classroom",
        ModuleFormat::Online => "training.format.online",
        ModuleFormat::Coaching => "training.format.coaching",
        ModuleFormat::Lab => "training.format.lab",
    };
    tr(lang, key)
}

pub fn audience(lang: Lang, audience: Audience) -> Cow<'static, str> {
    let key = match audience {
        Audience::Managers => "training.audience.managers",
        Audience::Staff => "training.audience.staff",
        Audience::All => "training.audience.all",
    };
    tr(lang, key)
}
