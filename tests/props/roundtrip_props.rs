//! Any project, valid or not, saves and loads back equal.

use crate::arb;

use proptest::prelude::*;

use cruscotto::store;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn any_project_survives_a_save_and_load(project in arb::project()) {
        let text = store::to_ron_string(&project);
        let loaded = store::parse(text.as_bytes(), std::path::Path::new("generated.ron"));
        prop_assert!(loaded.is_ok(), "failed to load what was saved: {:?}\n{}", loaded.err(), text);
        prop_assert_eq!(loaded.unwrap(), project);
    }

    #[test]
    fn any_project_survives_the_atomic_save_on_disk(project in arb::project()) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("project.ron");
        store::save(&path, &project).unwrap();
        prop_assert_eq!(store::load(&path).unwrap(), project);
    }
}
