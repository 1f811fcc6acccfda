// The documented snippet, verbatim: a command queue until raaye.js loads.
// biome-ignore-start lint/complexity/noArguments lint/suspicious/noAssignInExpressions: the snippet as sites paste it
// biome-ignore format: kept on one line, exactly as documented
window.raaye = window.raaye || function(){(raaye.q=raaye.q||[]).push(arguments)};
// biome-ignore-end lint/complexity/noArguments lint/suspicious/noAssignInExpressions: end
