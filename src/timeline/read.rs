//! Reading a timeline file: only a regular file within the size limit, and
//! for a file shown as it loads, its beginning (and end) first, the rest
//! read on another core while the first screen is made of them.

use super::limits::Limits;
use super::load::{LoadError, too_big};
use std::io::Read;
use std::path::Path;

/// How much of a large file is read first, for a first screen that does
/// not wait for the rest (see `pipeline::preview`).
pub(super) const PREVIEW_BYTES: usize = 512 * 1024;

/// How much of a large file's end is read with its beginning: enough for
/// the keys people write after the events (the actors and sources), which
/// a first screen must know to check the events it shows.
pub(super) const END_BYTES: usize = 256 * 1024;

/// Reads the bytes of the file at `path`: a regular file within the size
/// limit (what is not a regular file is refused before it is opened, so a
/// named pipe never blocks and a device is never read).
///
/// # Errors
/// [`LoadError::Unreadable`] when it cannot be read or is not a regular
/// file, [`LoadError::Invalid`] when it is over the size limit.
pub fn read_path(path: &Path, limits: &Limits) -> Result<Vec<u8>, LoadError> {
    read_with(path, limits, false, &mut |_, _, _| true)
}

/// What [`read_with`] calls once the size is known: with a large file's
/// beginning, its end and its size; false stops the read.
pub(super) type Ends<'a> = dyn FnMut(&[u8], &[u8], usize) -> bool + 'a;

/// [`read_path`], calling `beginning` once the size is known with the
/// file's first [`PREVIEW_BYTES`], its last [`END_BYTES`] (and the byte
/// before them) and its size,
/// when `head` is asked for and the file is more than twice as large as
/// the first (else with nothing, nothing and the size): the rest is read on
/// another core meanwhile. False stops the read with [`LoadError::Interrupted`].
pub(super) fn read_with(
    path: &Path,
    limits: &Limits,
    head: bool,
    beginning: &mut Ends<'_>,
) -> Result<Vec<u8>, LoadError> {
    let file = path.display().to_string();
    let unreadable = |e: std::io::Error| LoadError::Unreadable { file: file.clone(), reason: e.to_string() };
    // Looked at before opening: opening a named pipe with no writer would
    // block, and reading a device may never end.
    let refuse = |meta: &std::fs::Metadata| {
        not_a_file(&meta.file_type()).map(|kind| LoadError::Unreadable {
            file: file.clone(),
            reason: format!(
                "it is {kind}, not a regular file; tlview reads timeline files (save the data to a file first)"
            ),
        })
    };
    if let Some(e) = refuse(&std::fs::metadata(path).map_err(unreadable)?) {
        return Err(e);
    }
    let handle = std::fs::File::open(path).map_err(unreadable)?;
    let meta = handle.metadata().map_err(unreadable)?;
    if let Some(e) = refuse(&meta) {
        return Err(e);
    }
    if meta.len() > limits.max_file_bytes {
        return Err(too_big(&file, Some(meta.len()), limits));
    }
    let total = usize::try_from(meta.len()).unwrap_or(usize::MAX);
    let mut bytes = Vec::with_capacity(total);
    // Read one byte past the limit so a file that grows while read is still caught.
    let mut reader = handle.take(limits.max_file_bytes.saturating_add(1));
    if !head || total <= 2 * PREVIEW_BYTES {
        if !beginning(&[], &[], total) {
            return Err(LoadError::Interrupted);
        }
        reader.read_to_end(&mut bytes).map_err(unreadable)?;
    } else {
        (&mut reader).take(PREVIEW_BYTES as u64).read_to_end(&mut bytes).map_err(unreadable)?;
        // The end, read where it lies (the reader's place is kept); a file
        // that shrank since shows its beginning alone.
        // One byte more, so a line that starts exactly END_BYTES from the
        // end is known to be whole (the byte before it is a line break).
        let mut end = vec![0; END_BYTES + 1];
        let end_at = total.saturating_sub(END_BYTES + 1) as u64;
        if std::os::unix::fs::FileExt::read_exact_at(reader.get_ref(), &mut end, end_at).is_err() {
            end.clear();
        }
        // The rest is read on another core while the beginning is looked at.
        let head = bytes.clone();
        let stop = std::sync::atomic::AtomicBool::new(false);
        let (go_on, read) = std::thread::scope(|s| {
            let rest = || read_rest(&mut reader, &mut bytes, &stop);
            let reading = std::thread::Builder::new().name("read".into()).spawn_scoped(s, rest).ok();
            let go_on = beginning(&head, &end, total);
            stop.store(!go_on, std::sync::atomic::Ordering::Relaxed);
            (go_on, reading.map(|h| h.join()))
        });
        if !go_on {
            return Err(LoadError::Interrupted);
        }
        match read {
            Some(Ok(result)) => result.map_err(unreadable)?,
            // No thread (or it failed): read here.
            _ => read_rest(&mut reader, &mut bytes, &stop).map_err(unreadable)?,
        }
    }
    if bytes.len() as u64 > limits.max_file_bytes {
        return Err(too_big(&file, None, limits));
    }
    Ok(bytes)
}

/// Reads the rest of `reader` onto `bytes`, a block at a time until `stop` is set.
fn read_rest(reader: &mut impl Read, bytes: &mut Vec<u8>, stop: &std::sync::atomic::AtomicBool) -> std::io::Result<()> {
    const BLOCK: u64 = 8 << 20;
    while !stop.load(std::sync::atomic::Ordering::Relaxed) {
        if reader.take(BLOCK).read_to_end(bytes)? == 0 {
            break;
        }
    }
    Ok(())
}

/// What a path that is not a regular file is, in words; `None` for a regular file.
fn not_a_file(kind: &std::fs::FileType) -> Option<&'static str> {
    use std::os::unix::fs::FileTypeExt;
    if kind.is_file() {
        None
    } else if kind.is_dir() {
        Some("a directory")
    } else if kind.is_fifo() {
        Some("a named pipe")
    } else if kind.is_char_device() || kind.is_block_device() {
        Some("a device")
    } else if kind.is_socket() {
        Some("a socket")
    } else {
        Some("a special file")
    }
}

#[cfg(test)]
mod tests {
    use super::read_rest;
    use std::sync::atomic::AtomicBool;

    #[test]
    fn reading_the_rest_stops_when_told_and_otherwise_reads_to_the_end() {
        let text = vec![b'x'; 20 << 20];
        let mut bytes = Vec::new();
        read_rest(&mut text.as_slice(), &mut bytes, &AtomicBool::new(true)).expect("reads");
        assert!(bytes.is_empty(), "a stop set before reading reads nothing");
        read_rest(&mut text.as_slice(), &mut bytes, &AtomicBool::new(false)).expect("reads");
        assert_eq!(bytes.len(), text.len(), "in 8 MiB blocks, to the end");
    }
}
