//! Opening the user's editor at a place in the timeline file.
//!
//! The editor is whatever `$VISUAL`, then `$EDITOR`, names, else `vi`. The
//! variable is split like a shell splits words (so `code --wait` works) but
//! never run through a shell: the file name and position come from data, and
//! `sh -c` on a string built from them would run whatever a file name holds.
//! Each editor family takes a line (and column) its own way; [`argv`] knows
//! the common ones and falls back to the `+LINE` convention every vi, emacs
//! and nano understands. The viewer calls [`run`] after restoring the terminal.

use std::ffi::OsString;
use std::path::Path;
use std::process::{Command, ExitStatus};

/// The editor command: `$VISUAL`, then `$EDITOR` (each only when not blank), then `vi`.
#[must_use]
pub fn command(visual: Option<OsString>, editor: Option<OsString>) -> String {
    [visual, editor]
        .into_iter()
        .flatten()
        .map(|v| v.to_string_lossy().into_owned())
        .find(|v| !v.trim().is_empty())
        .unwrap_or_else(|| "vi".to_owned())
}

/// How an editor family is told where to put the cursor.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Style {
    /// `+call cursor(L,C) FILE` (vim, neovim).
    Vim,
    /// `--goto FILE:L:C` (VS Code and its forks).
    Goto,
    /// `FILE:L:C` (helix, sublime, zed).
    Suffix,
    /// `+L:C FILE` (emacs, kakoune, micro).
    PlusColon,
    /// `+L,C FILE` (nano).
    PlusComma,
    /// `+L FILE`: every other editor (vi, nvi, ed-likes, joe, mg…).
    Plus,
}

fn style(program: &str) -> Style {
    let base = Path::new(program).file_name().map_or(program.into(), |n| n.to_string_lossy());
    let base = base.strip_suffix(".exe").unwrap_or(&base);
    match base {
        "vim" | "nvim" | "gvim" | "mvim" | "vimx" | "nvim-qt" => Style::Vim,
        "code" | "code-insiders" | "codium" | "vscodium" | "cursor" | "windsurf" => Style::Goto,
        "hx" | "helix" | "subl" | "sublime_text" | "zed" | "zeditor" => Style::Suffix,
        "emacs" | "emacsclient" | "kak" | "micro" => Style::PlusColon,
        "nano" | "pico" | "rnano" => Style::PlusComma,
        _ => Style::Plus,
    }
}

/// The argument vector that opens `file` at `line` and `column` (both from 1)
/// in `editor`, a command line split like a shell would split it.
///
/// # Errors
/// When `editor` is empty after splitting or has an unclosed quote.
pub fn argv(editor: &str, file: &Path, line: usize, column: usize) -> Result<Vec<OsString>, String> {
    let words = shell_words::split(editor).map_err(|e| format!("cannot read the editor command {editor:?}: {e}"))?;
    let Some(program) = words.first() else { return Err("the editor command is empty".into()) };
    let (line, column) = (line.max(1), column.max(1));
    // A relative name starting with `-` or `+` would read as an option.
    let file = if file.is_relative() && file.to_string_lossy().starts_with(['-', '+']) {
        Path::new(".").join(file)
    } else {
        file.to_path_buf()
    };
    let mut out: Vec<OsString> = words.iter().map(OsString::from).collect();
    let at = |sep: &str| {
        let mut s = file.clone().into_os_string();
        s.push(format!("{sep}{line}:{column}"));
        s
    };
    match style(program) {
        Style::Vim => out.extend([format!("+call cursor({line},{column})").into(), file.into_os_string()]),
        Style::Goto => out.extend([OsString::from("--goto"), at(":")]),
        Style::Suffix => out.push(at(":")),
        Style::PlusColon => out.extend([format!("+{line}:{column}").into(), file.into_os_string()]),
        Style::PlusComma => out.extend([format!("+{line},{column}").into(), file.into_os_string()]),
        Style::Plus => out.extend([format!("+{line}").into(), file.into_os_string()]),
    }
    Ok(out)
}

/// Runs `argv` (from [`argv`]) with the terminal's standard streams and waits
/// for it. Call it with the terminal restored (cooked mode, main screen).
///
/// The caller's fate follows the editor's: when the editor stops (`Ctrl-z`
/// in it), the caller stops too, so that a job-control shell sees the whole
/// job stopped and takes the terminal back; once continued (`fg` continues
/// the whole process group), the editor is continued as well and waited for
/// again. Where no shell could continue it (the kernel discards `Ctrl-z` in
/// an orphaned process group, e.g. `tmux new 'tlview FILE'`), the editor
/// does not stop, and neither does the caller.
///
/// # Errors
/// When `argv` is empty, the program cannot be started, or cannot be waited for.
pub fn run(argv: &[OsString]) -> std::io::Result<ExitStatus> {
    use rustix::process::{Pid, Signal, WaitOptions, getpid, kill_process, waitpid};
    use std::os::unix::process::ExitStatusExt;
    let (program, args) =
        argv.split_first().ok_or_else(|| std::io::Error::new(std::io::ErrorKind::InvalidInput, "no editor"))?;
    // Reaped below by waitpid, which also reports the editor stopping (std's wait does not).
    let child = Command::new(program).args(args).spawn()?;
    let pid = Pid::from_child(&child);
    loop {
        match waitpid(Some(pid), WaitOptions::UNTRACED) {
            Err(rustix::io::Errno::INTR) | Ok(None) => {}
            Err(e) => return Err(e.into()),
            Ok(Some((_, status))) if status.stopped() => {
                kill_process(getpid(), Signal::STOP)?;
                // Continued: so is the editor (a no-op when `fg` continued the group).
                let _ = kill_process(pid, Signal::CONT);
            }
            Ok(Some((_, status))) => return Ok(ExitStatus::from_raw(status.as_raw())),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(editor: &str, file: &str, line: usize, col: usize) -> Vec<String> {
        argv(editor, Path::new(file), line, col)
            .expect("splits")
            .into_iter()
            .map(|a| a.to_string_lossy().into_owned())
            .collect()
    }

    #[test]
    fn visual_then_editor_then_vi() {
        assert_eq!(command(Some("nvim".into()), Some("nano".into())), "nvim");
        assert_eq!(command(Some(" ".into()), Some("nano".into())), "nano");
        assert_eq!(command(None, Some("emacs -nw".into())), "emacs -nw");
        assert_eq!(command(None, None), "vi");
    }

    #[test]
    fn each_family_gets_its_position_syntax() {
        assert_eq!(args("vim", "t.yaml", 12, 5), ["vim", "+call cursor(12,5)", "t.yaml"]);
        assert_eq!(args("/usr/bin/nvim", "t.yaml", 3, 1), ["/usr/bin/nvim", "+call cursor(3,1)", "t.yaml"]);
        assert_eq!(args("code --wait", "t.yaml", 12, 5), ["code", "--wait", "--goto", "t.yaml:12:5"]);
        assert_eq!(args("hx", "t.yaml", 12, 5), ["hx", "t.yaml:12:5"]);
        assert_eq!(args("emacsclient -t", "t.yaml", 12, 5), ["emacsclient", "-t", "+12:5", "t.yaml"]);
        assert_eq!(args("kak", "t.yaml", 12, 5), ["kak", "+12:5", "t.yaml"]);
        assert_eq!(args("nano", "t.yaml", 12, 5), ["nano", "+12,5", "t.yaml"]);
        assert_eq!(args("vi", "t.yaml", 12, 5), ["vi", "+12", "t.yaml"]);
        assert_eq!(args("my-editor", "t.yaml", 0, 0), ["my-editor", "+1", "t.yaml"]);
    }

    #[test]
    fn split_like_a_shell_never_through_one() {
        assert_eq!(args("'/opt/My Editor/ed' -x", "a b.yaml", 2, 1), ["/opt/My Editor/ed", "-x", "+2", "a b.yaml"]);
        // Shell syntax in the file name stays one literal argument.
        assert_eq!(args("vi", "$(rm -rf ~);x.yaml", 1, 1), ["vi", "+1", "$(rm -rf ~);x.yaml"]);
        assert_eq!(args("vi", "-rf.yaml", 1, 1), ["vi", "+1", "./-rf.yaml"]);
        assert!(argv("vi 'open", Path::new("x"), 1, 1).is_err());
        assert!(argv("  ", Path::new("x"), 1, 1).is_err());
    }
}
