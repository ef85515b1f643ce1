/**
 * `volc-speech completion bash|zsh|fish`: scripts generated from the command/flag table and
 * the action table, so a new action or field completes without anyone editing a script.
 */
import { ACTION_NAMES, ACTIONS, type ActionSpec } from '@volc-speech/client';
import { COMMAND_NAMES, FLAGS, OUTPUT_FORMATS } from './commandLine.js';
import { registeredCommands } from './commandRegistry.js';

function words(): { commands: string[]; flags: string[]; fieldsByAction: Array<[string, string[]]> } {
  const commands = [...COMMAND_NAMES, ...registeredCommands().map((c) => c.name)];
  const flags = FLAGS.flatMap((f) => (f.short ? [f.name, f.short] : [f.name]));
  const fieldsByAction = ACTION_NAMES.map((name): [string, string[]] => [name, Object.keys((ACTIONS[name] as ActionSpec).fields)]);
  return { commands, flags, fieldsByAction };
}

function bash(): string {
  const { commands, flags, fieldsByAction } = words();
  const valued = FLAGS.filter((f) => f.value).flatMap((f) => (f.short ? [f.name, f.short] : [f.name]));
  return `# volc-speech completion for bash: source <(volc-speech completion bash)
_volc_speech_fields() {
  case "$1" in
${fieldsByAction.map(([action, fields]) => `    ${action}) echo "${fields.map((f) => `${f}=`).join(' ')}" ;;`).join('\n')}
  esac
}
_volc_speech() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" prev="\${COMP_WORDS[COMP_CWORD-1]}" first="" i w skip=0
  for ((i = 1; i < COMP_CWORD; i++)); do
    w="\${COMP_WORDS[i]}"
    if ((skip)); then skip=0; continue; fi
    case " ${valued.join(' ')} " in *" $w "*) skip=1; continue ;; esac
    case "$w" in -*) ;; *) first="$w"; break ;; esac
  done
  case "$prev" in
    --output|-o) COMPREPLY=($(compgen -W "${OUTPUT_FORMATS.join(' ')}" -- "$cur")); return ;;
    --param|-p) compopt -o nospace 2>/dev/null; COMPREPLY=($(compgen -W "$(_volc_speech_fields "$first")" -- "$cur")); return ;;
    --json) compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -f -- "\${cur#@}" | sed 's/^/@/')); return ;;
  esac
  if [[ "$cur" == -* ]]; then COMPREPLY=($(compgen -W "${flags.join(' ')}" -- "$cur")); return; fi
  if [[ -z "$first" ]]; then COMPREPLY=($(compgen -W "${[...commands, ...ACTION_NAMES].join(' ')}" -- "$cur")); return; fi
  case "$first" in
    help) COMPREPLY=($(compgen -W "${[...commands, ...ACTION_NAMES].join(' ')}" -- "$cur")) ;;
    completion) COMPREPLY=($(compgen -W "bash zsh fish" -- "$cur")) ;;
    emulator) COMPREPLY=($(compgen -W "reset where" -- "$cur")) ;;
  esac
}
complete -F _volc_speech volc-speech
`;
}

function zsh(): string {
  return `#compdef volc-speech
# volc-speech completion for zsh: source <(volc-speech completion zsh)
autoload -U +X bashcompinit && bashcompinit
${bash()}`;
}

function fishQuote(text: string): string {
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

function fish(): string {
  const { commands, fieldsByAction } = words();
  const lines = ['# volc-speech completion for fish: volc-speech completion fish | source', 'complete -c volc-speech -f'];
  const firstWords = [...commands, ...ACTION_NAMES].join(' ');
  lines.push(`complete -c volc-speech -n 'not __fish_seen_subcommand_from ${firstWords}' -a '${firstWords}'`);
  for (const flag of FLAGS) {
    const parts = ['complete -c volc-speech', `-l ${flag.name.slice(2)}`];
    if (flag.short) parts.push(`-s ${flag.short.slice(1)}`);
    if (flag.value) parts.push(flag.choices ? `-x -a '${flag.choices.join(' ')}'` : '-r');
    parts.push(`-d ${fishQuote(flag.doc.slice(0, 80))}`);
    lines.push(parts.join(' '));
  }
  for (const [action, fields] of fieldsByAction) {
    if (!fields.length) continue;
    lines.push(`complete -c volc-speech -n '__fish_seen_subcommand_from ${action}' -s p -l param -x -a '${fields.map((f) => `${f}=`).join(' ')}'`);
  }
  lines.push(`complete -c volc-speech -n '__fish_seen_subcommand_from completion' -a 'bash zsh fish'`);
  lines.push(`complete -c volc-speech -n '__fish_seen_subcommand_from emulator' -a 'reset where'`);
  lines.push(`complete -c volc-speech -n '__fish_seen_subcommand_from help' -a '${firstWords}'`);
  return `${lines.join('\n')}\n`;
}

export function completionScript(shell: 'bash' | 'zsh' | 'fish'): string {
  return shell === 'bash' ? bash() : shell === 'zsh' ? zsh() : fish();
}
