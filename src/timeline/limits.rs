//! The explicit ceilings every file is held to before serde_yaml sees it.
//!
//! serde_yaml's own guards trip only after expanded data is built and do not
//! bound bytes, so tlview walks the YAML event stream first, counting, and
//! refuses a file the moment it passes one of these.

/// The ceilings applied to one file. The defaults admit a 100,000-event
/// timeline (about 45 MB) and a 10 MB summary.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    /// Largest file read, in bytes (`--max-file-size`, `TLVIEW_MAX_FILE_SIZE`).
    pub max_file_bytes: u64,
    /// Deepest nesting of lists and mappings.
    pub max_depth: usize,
    /// Longest single scalar, in bytes.
    pub max_scalar_bytes: usize,
    /// Most aliases (`*name`) in one file.
    pub max_aliases: usize,
    /// Most nodes reached through aliases, counting nested expansion.
    pub max_alias_nodes: u64,
    /// Most scalar bytes reached through aliases, counting nested expansion.
    pub max_alias_bytes: u64,
}

/// The environment variable that raises the file-size limit.
pub const SIZE_ENV: &str = "TLVIEW_MAX_FILE_SIZE";

const MIB: u64 = 1024 * 1024;

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            max_file_bytes: 64 * MIB,
            max_depth: 32,
            max_scalar_bytes: 16 * MIB as usize,
            max_aliases: 10_000,
            max_alias_nodes: 100_000,
            max_alias_bytes: 16 * MIB,
        }
    }
}

/// Reads a size such as `64M`, `200MB`, `1G`, `500000` (bytes).
///
/// # Errors
/// A message naming the accepted forms.
pub fn parse_size(text: &str) -> Result<u64, String> {
    let t = text.trim();
    let split = t.find(|c: char| !c.is_ascii_digit()).unwrap_or(t.len());
    let (digits, unit) = t.split_at(split);
    let n: u64 = digits.parse().map_err(|_| format!("`{text}` is not a size: write e.g. 64M, 1G or 500000"))?;
    let factor = match unit.trim().to_ascii_uppercase().as_str() {
        "" | "B" => 1,
        "K" | "KB" | "KIB" => 1024,
        "M" | "MB" | "MIB" => MIB,
        "G" | "GB" | "GIB" => 1024 * MIB,
        _ => return Err(format!("`{text}` is not a size: write e.g. 64M, 1G or 500000")),
    };
    n.checked_mul(factor).ok_or_else(|| format!("`{text}` is too large"))
}

/// Formats a byte count for a message: `64 MiB`, `1.5 GiB`, `812 bytes`.
#[must_use]
pub fn human_bytes(n: u64) -> String {
    if n >= 1024 * MIB {
        format!("{:.1} GiB", n as f64 / (1024 * MIB) as f64)
    } else if n >= MIB {
        format!("{:.1} MiB", n as f64 / MIB as f64)
    } else if n >= 1024 {
        format!("{:.1} KiB", n as f64 / 1024.0)
    } else {
        format!("{n} bytes")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_parse_with_units() {
        assert_eq!(parse_size("64M"), Ok(64 * MIB));
        assert_eq!(parse_size("1G"), Ok(1024 * MIB));
        assert_eq!(parse_size("500000"), Ok(500_000));
        assert_eq!(parse_size("2kb"), Ok(2048));
        assert!(parse_size("lots").is_err());
        assert!(parse_size("99999999999999999999G").is_err());
    }

    #[test]
    fn bytes_read_as_people_say_them() {
        assert_eq!(human_bytes(64 * MIB), "64.0 MiB");
        assert_eq!(human_bytes(812), "812 bytes");
    }
}
