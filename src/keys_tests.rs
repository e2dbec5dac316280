use super::*;
use crossterm::event::KeyEvent;

#[test]
fn no_key_is_bound_twice_in_one_mode() {
    for (i, a) in BINDINGS.iter().enumerate() {
        for b in &BINDINGS[i + 1..] {
            if a.mode == b.mode {
                for key in a.keys {
                    assert!(!b.keys.contains(key), "{} bound twice in {:?}", label(key), a.mode);
                }
            }
        }
    }
}

#[test]
fn every_binding_is_documented() {
    for b in BINDINGS {
        assert!(!b.keys.is_empty() && !b.help.is_empty() && !b.group.is_empty());
    }
}

#[test]
fn dispatch_follows_the_table() {
    let press = |c| KeyEvent::new(c, KeyModifiers::NONE);
    assert_eq!(dispatch(Mode::Browse, press(KeyCode::Char('j'))), Some(Msg::Move(Step::By(1))));
    assert_eq!(
        dispatch(Mode::Browse, KeyEvent::new(KeyCode::Char('G'), KeyModifiers::SHIFT)),
        Some(Msg::Move(Step::Last))
    );
    assert_eq!(
        dispatch(Mode::Browse, KeyEvent::new(KeyCode::Char('d'), KeyModifiers::CONTROL)),
        Some(Msg::Move(Step::Page(1)))
    );
    assert_eq!(dispatch(Mode::Browse, press(KeyCode::Char('X'))), None);
    assert_eq!(dispatch(Mode::Search, press(KeyCode::Char('j'))), Some(Msg::Input('j')));
    assert_eq!(dispatch(Mode::Picker, press(KeyCode::Char(' '))), Some(Msg::Toggle));
    assert_eq!(dispatch(Mode::Search, KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL)), Some(Msg::Quit));
}

#[test]
fn readme_key_table_matches_the_bindings() {
    let readme = include_str!("../README.md");
    assert!(
        readme.contains(&markdown_table()),
        "README.md's key table is out of date; paste keys::markdown_table():\n{}",
        markdown_table()
    );
}
