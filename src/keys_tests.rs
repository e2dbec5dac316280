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
    assert_eq!(dispatch(Mode::Browse, press(KeyCode::Char('n'))), Some(Msg::NextMatch(1)));
    assert_eq!(
        dispatch(Mode::Browse, KeyEvent::new(KeyCode::Char('N'), KeyModifiers::SHIFT)),
        Some(Msg::NextMatch(-1))
    );
    assert_eq!(dispatch(Mode::Browse, press(KeyCode::Char('m'))), Some(Msg::ToggleMouse));
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

#[test]
fn picker_keys_move_until_slash_and_then_type() {
    let press = |c| KeyEvent::new(c, KeyModifiers::NONE);
    assert_eq!(dispatch(Mode::Picker, press(KeyCode::Char('j'))), Some(Msg::Move(Step::By(1))));
    assert_eq!(dispatch(Mode::Picker, press(KeyCode::Char('k'))), Some(Msg::Move(Step::By(-1))));
    assert_eq!(dispatch(Mode::Picker, press(KeyCode::Down)), Some(Msg::Move(Step::By(1))));
    assert_eq!(dispatch(Mode::Picker, press(KeyCode::Char('x'))), None, "typing needs / first");
    assert_eq!(dispatch(Mode::Picker, press(KeyCode::Char('/'))), Some(Msg::StartSearch));
    for c in ['j', 'k', ' ', '/'] {
        assert_eq!(dispatch(Mode::PickerFilter, press(KeyCode::Char(c))), Some(Msg::Input(c)));
    }
    assert_eq!(dispatch(Mode::PickerFilter, press(KeyCode::Down)), Some(Msg::Move(Step::By(1))));
}

#[test]
fn help_and_quit_hints_are_essential() {
    let essential: Vec<&str> = hints(Mode::Browse).iter().filter(|h| h.essential).map(|h| h.word).collect();
    assert_eq!(essential, ["help", "quit"]);
}
