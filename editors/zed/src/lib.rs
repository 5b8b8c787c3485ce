//! Zed runs a language server only through an extension: this one starts `factcheck lsp`,
//! found on the PATH of the project's shell (install factcheck there: `pip install factcheck`).

use zed_extension_api::{self as zed, LanguageServerId, Result};

struct Factcheck;

impl zed::Extension for Factcheck {
    fn new() -> Self {
        Factcheck
    }

    fn language_server_command(&mut self, _id: &LanguageServerId, worktree: &zed::Worktree) -> Result<zed::Command> {
        let command = worktree
            .which("factcheck")
            .ok_or_else(|| "factcheck is not on PATH: pip install factcheck".to_string())?;
        Ok(zed::Command { command, args: vec!["lsp".to_string()], env: Default::default() })
    }
}

zed::register_extension!(Factcheck);
