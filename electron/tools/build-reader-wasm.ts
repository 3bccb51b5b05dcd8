/** `npm run wasm`: writes shared/domain/export/reader-wasm.ts from reader.wat (see reader-wasm.ts in this folder). */
import { writeFile } from 'node:fs/promises';
import { appRootFrom } from '../services/paths';
import { currentReaderWasmModule, READER_WASM_MODULE } from './reader-wasm';

const root = appRootFrom(import.meta.url, 2);
await writeFile(`${root}/${READER_WASM_MODULE}`, await currentReaderWasmModule(root));
console.log(`wrote ${READER_WASM_MODULE}`);
