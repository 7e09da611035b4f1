//! Pieces shared by the views: value fields that parse what people type in their language
//! and mark what is wrong, a month picker, finding marks, icons, section chrome, the months
//! axis of plots and the two-column layout.

pub mod field_findings;
pub mod form;
pub mod icons;
pub mod interaction;
pub mod month_axis;
pub mod month_field;
pub mod plot_menu;
pub mod section;
pub mod two_columns;
pub mod value_field;

pub use field_findings::FieldFindings;
pub use month_field::month_field;
pub use two_columns::two_columns;
pub use value_field::{
    FieldOutput, date_field, decimal_field, integer_field, money_field, optional_decimal_field,
    text_field,
};
