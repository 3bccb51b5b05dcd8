;; The reading loop of words.ts (`Words.readChunk` and the slow path's `sentenceRule`, `take` and
;; `endParagraph`) in WebAssembly, for the participant-safety check's three big reads: the document, the
;; trainer texts and the participant texts. A check runs once in a fresh worker thread; JavaScript reads
;; those texts in unoptimised code until the engine has compiled the loop (tens of milliseconds on a
;; 40-module course), while this is compiled at once and runs at full speed from its first character.
;; wasm-reader.ts drives it and falls back to words.ts wherever it stops; wasm-reader.test.ts checks that
;; both give the same words. Compiled into reader-wasm.ts by `npm run wasm`.
;;
;; The text comes in as UTF-8 (TextEncoder.encodeInto is native and fast). The reader stops, and leaves the
;; character to JavaScript, where words.ts would take its slow path: a code unit not in the table yet, one
;; that folds to several units, and a character outside the BMP. Memory, laid out by wasm-reader.ts:
;;   [0, 0x40000)  UNIT_INFO of word-chars.ts, one i32 per UTF-16 code unit (0: not known yet)
;;   $set          the slots of the watched IntSet (int-table.ts), $setMask + 1 of them
;;   $filter       64 KB of bits that say which keys the set may hold (`buildFilter`)
;;   $hashes $flags $starts $found $paras $chars: the arrays of WordStore and Words
;;   $in           the text's UTF-8 bytes, last
(module
  ;; Each read has a memory of its own, sized for it and never grown, so that the words stay where the
  ;; reader wrote them: `Words` takes them as they are (see wasm-reader.ts).
  (import "reader" "memory" (memory 1))

  ;; Layout.
  (global $in (export "in") (mut i32) (i32.const 0))
  (global $hashes (export "hashes") (mut i32) (i32.const 0))
  (global $flags (export "flags") (mut i32) (i32.const 0))
  (global $starts (export "starts") (mut i32) (i32.const 0))
  (global $found (export "found") (mut i32) (i32.const 0))
  (global $chars (export "chars") (mut i32) (i32.const 0))
  (global $paras (export "paras") (mut i32) (i32.const 0))
  (global $set (export "set") (mut i32) (i32.const 0))
  (global $setMask (export "setMask") (mut i32) (i32.const 0))
  ;; FILTER_BYTES of bits, one per hash of the set's keys (see $buildFilter), for reads that look keys up.
  (global $filter (export "filter") (mut i32) (i32.const 0))

  ;; The reader's settings (Words' constructor): sentences reset the placeholder flag; the run watch.
  (global $resetPublic (export "resetPublic") (mut i32) (i32.const 0))
  (global $runLength (export "runLength") (mut i32) (i32.const 0))
  (global $runPower (export "runPower") (mut i32) (i32.const 0))
  (global $runWithin (export "runWithin") (mut i32) (i32.const 0))
  (global $runFile (export "runFile") (mut i32) (i32.const 0))

  ;; The reading state of Words, between calls.
  (global $count (export "count") (mut i32) (i32.const 0))
  (global $charCount (export "charCount") (mut i32) (i32.const 0))
  (global $inWord (export "inWord") (mut i32) (i32.const 0))
  (global $hash (export "hash") (mut i32) (i32.const 0))
  (global $flag (export "flag") (mut i32) (i32.const 0))
  (global $clauseEnd (export "clauseEnd") (mut i32) (i32.const 0))
  (global $clauseBreak (export "clauseBreak") (mut i32) (i32.const 0))
  (global $sentenceEnd (export "sentenceEnd") (mut i32) (i32.const 0))
  (global $spaces (export "spaces") (mut i32) (i32.const 0))
  (global $newSentence (export "newSentence") (mut i32) (i32.const 1))
  (global $isPublic (export "isPublic") (mut i32) (i32.const 0))
  (global $paragraphFirst (export "paragraphFirst") (mut i32) (i32.const 0))
  (global $paragraphCount (export "paragraphCount") (mut i32) (i32.const 0))
  (global $runKey (export "runKey") (mut i32) (i32.const 0))
  (global $runCount (export "runCount") (mut i32) (i32.const 0))
  (global $foundCount (export "foundCount") (mut i32) (i32.const 0))
  (global $setCount (export "setCount") (mut i32) (i32.const 0))
  ;; 1 once the read is given up (wasm-reader.ts): the set is more than half full (IntSet would grow), or
  ;; the paragraphs are more than $paragraphRoom.
  (global $full (export "full") (mut i32) (i32.const 0))
  (global $paragraphRoom (export "paragraphRoom") (mut i32) (i32.const 0))

  ;; Where `read` stopped: the code point there and its length in bytes.
  (global $stopCode (export "stopCode") (mut i32) (i32.const 0))
  (global $stopLength (export "stopLength") (mut i32) (i32.const 0))

  ;; Constants of word-chars.ts, word-store.ts and run-keys.ts (wasm-reader.test.ts reads with both readers).
  ;; Kinds: WORD 1, SPACE 2, CLAUSE_END 3, CLOSER 4, OPENS_PUBLIC 6, CLOSES_PUBLIC 7, PARAGRAPH_BREAK 8.
  ;; Sentence bits: ENDS_SENTENCE 1, CLOSES_SENTENCE 2, JS_SPACE 4, LOWERCASE 8. SLOW is 1 << 25.
  ;; Word flags: PUBLIC 1, SENTENCE_START 2, CLAUSE_START 4, PARAGRAPH_START 8.
  ;; FNV_OFFSET 0x811c9dc5, FNV_PRIME 0x01000193, BASE (of run keys) 0x01000193.

  ;; IntSet.visit: with $add 1 files $key and returns 0; with 0 returns 1 if $key is there.
  (func $visit (param $key i32) (param $add i32) (result i32)
    (local $stored i32) (local $slot i32) (local $at i32) (local $slotKey i32)
    (local.set $stored (i32.add (local.get $key) (i32.const 1)))
    (local.set $slot (i32.and (i32.mul (local.get $key) (i32.const 0x9e3779b1)) (global.get $setMask)))
    (block $end
      (loop $probe
        (local.set $at (i32.add (global.get $set) (i32.shl (local.get $slot) (i32.const 2))))
        (local.set $slotKey (i32.load (local.get $at)))
        (br_if $end (i32.eq (local.get $slotKey) (local.get $stored)))
        (br_if $end (i32.eqz (local.get $slotKey)))
        (local.set $slot (i32.and (i32.add (local.get $slot) (i32.const 1)) (global.get $setMask)))
        (br $probe)))
    (if (i32.eq (local.get $slotKey) (local.get $stored))
      (then (return (i32.eqz (local.get $add)))))
    (if (local.get $add)
      (then
        (i32.store (local.get $at) (local.get $stored))
        (global.set $setCount (i32.add (global.get $setCount) (i32.const 1)))
        (if (i32.gt_u (i32.shl (global.get $setCount) (i32.const 1)) (i32.add (global.get $setMask) (i32.const 1)))
          (then (global.set $full (i32.const 1))))))
    (i32.const 0))

  ;; Which bit of the filter stands for $key: the top 19 bits of the hash the set spreads keys with.
  (func $filterBit (param $key i32) (result i32)
    (i32.shr_u (i32.mul (local.get $key) (i32.const 0x9e3779b1)) (i32.const 13)))

  ;; Whether the set may hold $key: a set of a document's runs is half a megabyte or more, and most runs of
  ;; the trainer texts are not in it; their bits, in 64 KB, are mostly in the processor's cache, its slots not.
  (func $mayHold (param $key i32) (result i32)
    (local $bit i32)
    (local.set $bit (call $filterBit (local.get $key)))
    (i32.and
      (i32.load8_u (i32.add (global.get $filter) (i32.shr_u (local.get $bit) (i32.const 3))))
      (i32.shl (i32.const 1) (i32.and (local.get $bit) (i32.const 7)))))

  ;; Sets the filter's bits from the set's slots (the filter's 64 KB must be zero before).
  (func (export "buildFilter")
    (local $slot i32) (local $stored i32) (local $bit i32) (local $at i32)
    (block $done
      (loop $slots
        (br_if $done (i32.gt_u (local.get $slot) (global.get $setMask)))
        (local.set $stored (i32.load (i32.add (global.get $set) (i32.shl (local.get $slot) (i32.const 2)))))
        (if (local.get $stored)
          (then
            (local.set $bit (call $filterBit (i32.sub (local.get $stored) (i32.const 1))))
            (local.set $at (i32.add (global.get $filter) (i32.shr_u (local.get $bit) (i32.const 3))))
            (i32.store8 (local.get $at)
              (i32.or (i32.load8_u (local.get $at)) (i32.shl (i32.const 1) (i32.and (local.get $bit) (i32.const 7)))))))
        (local.set $slot (i32.add (local.get $slot) (i32.const 1)))
        (br $slots))))

  ;; The run watch for the word that ends at $count (Words.watchWord), for the words that `take` ends (the
  ;; loop of `read` does the same with its state in locals): the new $runKey, $runCount and $foundCount are
  ;; left in the globals. Lookups here skip the filter: they are few, and the filter only saves time.
  (func $watchWord (param $count i32) (param $hash i32) (param $flag i32)
    (if (i32.eqz (global.get $runLength)) (then (return)))
    (if (i32.and (local.get $flag) (global.get $runWithin))
      (then (global.set $runKey (i32.const 0)) (global.set $runCount (i32.const 0))))
    (global.set $runKey (i32.add (i32.mul (global.get $runKey) (i32.const 0x01000193)) (local.get $hash)))
    (if (i32.ge_s (global.get $runCount) (global.get $runLength))
      (then
        (global.set $runKey
          (i32.sub (global.get $runKey)
            (i32.mul
              (i32.load (i32.add (global.get $hashes)
                (i32.shl (i32.sub (i32.sub (local.get $count) (i32.const 1)) (global.get $runLength)) (i32.const 2))))
              (global.get $runPower))))))
    (global.set $runCount (i32.add (global.get $runCount) (i32.const 1)))
    (if (i32.ge_s (global.get $runCount) (global.get $runLength))
      (then
        (i32.store (i32.add (global.get $found) (i32.shl (global.get $foundCount) (i32.const 2)))
          (i32.sub (local.get $count) (global.get $runLength)))
        (global.set $foundCount
          (i32.add (global.get $foundCount)
            (call $visit
              (i32.and (i32.xor (global.get $runKey) (i32.shr_u (global.get $runKey) (i32.const 15))) (i32.const 0x3fffffff))
              (global.get $runFile)))))))

  ;; Words.endWord.
  (func $endWord
    (if (i32.eqz (global.get $inWord)) (then (return)))
    (i32.store (i32.add (global.get $hashes) (i32.shl (global.get $count) (i32.const 2))) (global.get $hash))
    (i32.store8 (i32.add (global.get $flags) (global.get $count)) (global.get $flag))
    (global.set $count (i32.add (global.get $count) (i32.const 1)))
    (i32.store (i32.add (global.get $starts) (i32.shl (global.get $count) (i32.const 2))) (global.get $charCount))
    (global.set $inWord (i32.const 0))
    (call $watchWord (global.get $count) (global.get $hash) (global.get $flag)))

  ;; WordStore.closeParagraph.
  (func $closeParagraph
    (if (i32.ge_s (global.get $paragraphCount) (global.get $paragraphRoom))
      (then (global.set $full (i32.const 1)) (return)))
    (global.set $paragraphCount (i32.add (global.get $paragraphCount) (i32.const 1)))
    (i32.store (i32.add (global.get $paras) (i32.shl (global.get $paragraphCount) (i32.const 2))) (global.get $count)))

  ;; Words.sentenceRule: the sentence bits of a character as written.
  (func (export "sentenceRule") (param $bits i32)
    (if (i32.and (local.get $bits) (i32.const 4))
      (then
        (if (global.get $sentenceEnd)
          (then (global.set $spaces (i32.const 1)) (global.set $sentenceEnd (i32.const 0)))
          (else
            (if (i32.gt_s (global.get $spaces) (i32.const 0))
              (then (global.set $spaces (i32.add (global.get $spaces) (i32.const 1)))))))
        (return)))
    (if (i32.gt_s (global.get $spaces) (i32.const 0))
      (then
        (if (i32.or (i32.ge_s (global.get $spaces) (i32.const 2)) (i32.eqz (i32.and (local.get $bits) (i32.const 8))))
          (then
            (global.set $newSentence (i32.const 1))
            (if (global.get $resetPublic) (then (global.set $isPublic (i32.const 0))))))
        (global.set $spaces (i32.const 0))))
    (global.set $sentenceEnd
      (i32.or
        (i32.ne (i32.and (local.get $bits) (i32.const 1)) (i32.const 0))
        (i32.and (i32.ne (global.get $sentenceEnd) (i32.const 0)) (i32.ne (i32.and (local.get $bits) (i32.const 2)) (i32.const 0))))))

  ;; Words.take: one folded code unit of kind $kind.
  (func (export "take") (param $unit i32) (param $kind i32)
    (if (i32.eq (local.get $kind) (i32.const 1))
      (then
        (if (i32.eqz (global.get $inWord))
          (then
            (global.set $inWord (i32.const 1))
            (global.set $hash (i32.const 0x811c9dc5))
            (global.set $flag
              (i32.or
                (i32.or (global.get $isPublic) (select (i32.const 2) (i32.const 0) (global.get $newSentence)))
                (i32.or
                  (select (i32.const 4) (i32.const 0)
                    (i32.and (i32.ne (global.get $clauseBreak) (i32.const 0)) (i32.gt_s (global.get $count) (global.get $paragraphFirst))))
                  (select (i32.const 8) (i32.const 0) (i32.eq (global.get $count) (global.get $paragraphFirst))))))
            (global.set $newSentence (i32.const 0))
            (global.set $clauseBreak (i32.const 0))
            (global.set $clauseEnd (i32.const 0))))
        (global.set $hash (i32.mul (i32.xor (global.get $hash) (local.get $unit)) (i32.const 0x01000193)))
        (i32.store16 (i32.add (global.get $chars) (i32.shl (global.get $charCount) (i32.const 1))) (local.get $unit))
        (global.set $charCount (i32.add (global.get $charCount) (i32.const 1)))
        (return)))
    (call $endWord)
    (if (i32.eq (local.get $kind) (i32.const 6)) (then (global.set $isPublic (i32.const 1)) (return)))
    (if (i32.eq (local.get $kind) (i32.const 7)) (then (global.set $isPublic (i32.const 0)) (return)))
    (if (i32.eq (local.get $kind) (i32.const 3)) (then (global.set $clauseEnd (i32.const 1)) (return)))
    (if (i32.eq (local.get $kind) (i32.const 2))
      (then (if (global.get $clauseEnd) (then (global.set $clauseBreak (i32.const 1)))) (return)))
    (if (i32.ne (local.get $kind) (i32.const 4)) (then (global.set $clauseEnd (i32.const 0)))))

  ;; Words.endParagraph (without its result).
  (func (export "endParagraph")
    (call $endWord)
    (call $closeParagraph)
    (global.set $paragraphFirst (global.get $count))
    (global.set $isPublic (i32.const 0))
    (global.set $clauseEnd (i32.const 0))
    (global.set $clauseBreak (i32.const 0))
    (global.set $sentenceEnd (i32.const 0))
    (global.set $spaces (i32.const 0))
    (global.set $newSentence (i32.const 1)))

  ;; The start of each run of $length words within a paragraph whose key is in the set (`runsInSet` of
  ;; text-search.ts): $count word hashes at $hashes, $paragraphCount + 1 paragraph starts at $paras, and
  ;; $power = BASE^$length. The starts, in order, are written at $out; returns how many.
  (func (export "runsIn") (param $hashesAt i32) (param $parasAt i32) (param $paragraphCount i32) (param $length i32) (param $power i32) (param $out i32) (result i32)
    (local $paragraph i32) (local $first i32) (local $end i32) (local $index i32) (local $key i32) (local $found i32)
    (block $done
      (loop $paragraphs
        (br_if $done (i32.ge_s (local.get $paragraph) (local.get $paragraphCount)))
        (local.set $first (i32.load (i32.add (local.get $parasAt) (i32.shl (local.get $paragraph) (i32.const 2)))))
        (local.set $end (i32.load offset=4 (i32.add (local.get $parasAt) (i32.shl (local.get $paragraph) (i32.const 2)))))
        (local.set $paragraph (i32.add (local.get $paragraph) (i32.const 1)))
        (local.set $key (i32.const 0))
        (local.set $index (local.get $first))
        (block $paragraphDone
          (loop $words
            (br_if $paragraphDone (i32.ge_s (local.get $index) (local.get $end)))
            (local.set $key
              (i32.add (i32.mul (local.get $key) (i32.const 0x01000193))
                (i32.load (i32.add (local.get $hashesAt) (i32.shl (local.get $index) (i32.const 2))))))
            (if (i32.ge_s (i32.sub (local.get $index) (local.get $first)) (local.get $length))
              (then
                (local.set $key
                  (i32.sub (local.get $key)
                    (i32.mul
                      (i32.load (i32.add (local.get $hashesAt) (i32.shl (i32.sub (local.get $index) (local.get $length)) (i32.const 2))))
                      (local.get $power))))))
            (if (i32.ge_s (i32.sub (local.get $index) (local.get $first)) (i32.sub (local.get $length) (i32.const 1)))
              (then
                (if (call $visit (i32.and (i32.xor (local.get $key) (i32.shr_u (local.get $key) (i32.const 15))) (i32.const 0x3fffffff)) (i32.const 0))
                  (then
                    (i32.store (i32.add (local.get $out) (i32.shl (local.get $found) (i32.const 2)))
                      (i32.add (i32.sub (local.get $index) (local.get $length)) (i32.const 1)))
                    (local.set $found (i32.add (local.get $found) (i32.const 1)))))))
            (local.set $index (i32.add (local.get $index) (i32.const 1)))
            (br $words)))
        (br $paragraphs)))
    (local.get $found))

  ;; Words.readChunk over the bytes [$pos, $end) of the text. Returns $end when all are read, or the byte
  ;; where a character must be read by JavaScript ($stopCode, $stopLength), or -1 once the set is full.
  ;; The state is kept in locals while the loop runs, as readChunk keeps it.
  (func (export "read") (param $pos i32) (param $end i32) (result i32)
    (local $byte i32) (local $code i32) (local $length i32) (local $known i32) (local $kind i32) (local $bits i32)
    (local $count i32) (local $charCount i32) (local $inWord i32) (local $hash i32) (local $flag i32)
    (local $clauseEnd i32) (local $clauseBreak i32) (local $sentenceEnd i32) (local $spaces i32)
    (local $newSentence i32) (local $isPublic i32) (local $paragraphFirst i32)
    ;; The layout and settings in locals too: the engine reloads a global wherever it is used.
    (local $in i32) (local $chars i32) (local $hashes i32) (local $flags i32) (local $starts i32) (local $resetPublic i32)
    (local $runLength i32) (local $runPower i32) (local $runWithin i32) (local $runFile i32) (local $found i32)
    (local $runKey i32) (local $runCount i32) (local $foundCount i32) (local $key i32)
    (local.set $in (global.get $in))
    (local.set $chars (global.get $chars))
    (local.set $hashes (global.get $hashes))
    (local.set $flags (global.get $flags))
    (local.set $starts (global.get $starts))
    (local.set $resetPublic (global.get $resetPublic))
    (local.set $runLength (global.get $runLength))
    (local.set $runPower (global.get $runPower))
    (local.set $runWithin (global.get $runWithin))
    (local.set $runFile (global.get $runFile))
    (local.set $found (global.get $found))
    (local.set $runKey (global.get $runKey))
    (local.set $runCount (global.get $runCount))
    (local.set $foundCount (global.get $foundCount))
    (local.set $count (global.get $count))
    (local.set $charCount (global.get $charCount))
    (local.set $inWord (global.get $inWord))
    (local.set $hash (global.get $hash))
    (local.set $flag (global.get $flag))
    (local.set $clauseEnd (global.get $clauseEnd))
    (local.set $clauseBreak (global.get $clauseBreak))
    (local.set $sentenceEnd (global.get $sentenceEnd))
    (local.set $spaces (global.get $spaces))
    (local.set $newSentence (global.get $newSentence))
    (local.set $isPublic (global.get $isPublic))
    (local.set $paragraphFirst (global.get $paragraphFirst))
    (block $stop
      (loop $next
        (br_if $stop (i32.ge_u (local.get $pos) (local.get $end)))
        ;; One character, decoded from UTF-8 (the encoder's output is well formed).
        (local.set $byte (i32.load8_u (i32.add (local.get $in) (local.get $pos))))
        (if (i32.lt_u (local.get $byte) (i32.const 0x80))
          (then (local.set $code (local.get $byte)) (local.set $length (i32.const 1)))
          (else
            (if (i32.lt_u (local.get $byte) (i32.const 0xe0))
              (then
                (local.set $code
                  (i32.or (i32.shl (i32.and (local.get $byte) (i32.const 0x1f)) (i32.const 6))
                    (i32.and (i32.load8_u offset=1 (i32.add (local.get $in) (local.get $pos))) (i32.const 0x3f))))
                (local.set $length (i32.const 2)))
              (else
                (if (i32.lt_u (local.get $byte) (i32.const 0xf0))
                  (then
                    (local.set $code
                      (i32.or
                        (i32.or (i32.shl (i32.and (local.get $byte) (i32.const 0x0f)) (i32.const 12))
                          (i32.shl (i32.and (i32.load8_u offset=1 (i32.add (local.get $in) (local.get $pos))) (i32.const 0x3f)) (i32.const 6)))
                        (i32.and (i32.load8_u offset=2 (i32.add (local.get $in) (local.get $pos))) (i32.const 0x3f))))
                    (local.set $length (i32.const 3)))
                  (else
                    ;; Outside the BMP: always JavaScript's.
                    (global.set $stopCode
                      (i32.or
                        (i32.or (i32.shl (i32.and (local.get $byte) (i32.const 0x07)) (i32.const 18))
                          (i32.shl (i32.and (i32.load8_u offset=1 (i32.add (local.get $in) (local.get $pos))) (i32.const 0x3f)) (i32.const 12)))
                        (i32.or
                          (i32.shl (i32.and (i32.load8_u offset=2 (i32.add (local.get $in) (local.get $pos))) (i32.const 0x3f)) (i32.const 6))
                          (i32.and (i32.load8_u offset=3 (i32.add (local.get $in) (local.get $pos))) (i32.const 0x3f)))))
                    (global.set $stopLength (i32.const 4))
                    (br $stop)))))))
        (local.set $known (i32.load (i32.shl (local.get $code) (i32.const 2))))
        ;; Not known yet, or folding to several units: JavaScript's (readWide).
        (if (i32.or (i32.eqz (local.get $known)) (i32.and (local.get $known) (i32.const 0x2000000)))
          (then
            (global.set $stopCode (local.get $code))
            (global.set $stopLength (local.get $length))
            (br $stop)))
        (local.set $pos (i32.add (local.get $pos) (local.get $length)))
        (local.set $kind (i32.and (i32.shr_u (local.get $known) (i32.const 16)) (i32.const 0xf)))
        (local.set $bits (i32.shr_u (local.get $known) (i32.const 20)))
        ;; After white space that follows the end of a sentence.
        (if (i32.and (i32.gt_s (local.get $spaces) (i32.const 0)) (i32.eqz (i32.and (local.get $bits) (i32.const 4))))
          (then
            (if (i32.or (i32.ge_s (local.get $spaces) (i32.const 2)) (i32.eqz (i32.and (local.get $bits) (i32.const 8))))
              (then
                (local.set $newSentence (i32.const 1))
                (if (local.get $resetPublic) (then (local.set $isPublic (i32.const 0))))))
            (local.set $spaces (i32.const 0))))
        (if (i32.eq (local.get $kind) (i32.const 1))
          (then
            (local.set $sentenceEnd (i32.const 0))
            (if (i32.eqz (local.get $inWord))
              (then
                (local.set $inWord (i32.const 1))
                (local.set $hash (i32.const 0x811c9dc5))
                (local.set $flag
                  (i32.or
                    (i32.or (local.get $isPublic) (select (i32.const 2) (i32.const 0) (local.get $newSentence)))
                    (i32.or
                      (select (i32.const 4) (i32.const 0)
                        (i32.and (i32.ne (local.get $clauseBreak) (i32.const 0)) (i32.gt_s (local.get $count) (local.get $paragraphFirst))))
                      (select (i32.const 8) (i32.const 0) (i32.eq (local.get $count) (local.get $paragraphFirst))))))
                (local.set $newSentence (i32.const 0))
                (local.set $clauseBreak (i32.const 0))
                (local.set $clauseEnd (i32.const 0))))
            (local.set $hash (i32.mul (i32.xor (local.get $hash) (i32.and (local.get $known) (i32.const 0xffff))) (i32.const 0x01000193)))
            (i32.store16 (i32.add (local.get $chars) (i32.shl (local.get $charCount) (i32.const 1))) (local.get $known))
            (local.set $charCount (i32.add (local.get $charCount) (i32.const 1)))
            (br $next)))
        (if (i32.and (local.get $bits) (i32.const 4))
          (then
            (if (local.get $sentenceEnd)
              (then (local.set $spaces (i32.const 1)) (local.set $sentenceEnd (i32.const 0)))
              (else
                (if (i32.gt_s (local.get $spaces) (i32.const 0))
                  (then (local.set $spaces (i32.add (local.get $spaces) (i32.const 1))))))))
          (else
            (local.set $sentenceEnd
              (i32.or
                (i32.ne (i32.and (local.get $bits) (i32.const 1)) (i32.const 0))
                (i32.and (i32.ne (local.get $sentenceEnd) (i32.const 0)) (i32.ne (i32.and (local.get $bits) (i32.const 2)) (i32.const 0)))))))
        ;; A mark, which folding takes away: the word goes on.
        (br_if $next (i32.eqz (local.get $kind)))
        (if (local.get $inWord)
          (then
            (i32.store (i32.add (local.get $hashes) (i32.shl (local.get $count) (i32.const 2))) (local.get $hash))
            (i32.store8 (i32.add (local.get $flags) (local.get $count)) (local.get $flag))
            (local.set $count (i32.add (local.get $count) (i32.const 1)))
            (i32.store (i32.add (local.get $starts) (i32.shl (local.get $count) (i32.const 2))) (local.get $charCount))
            (local.set $inWord (i32.const 0))
            ;; The run watch ($watchWord), here with its state in locals.
            (if (local.get $runLength)
              (then
                (if (i32.and (local.get $flag) (local.get $runWithin))
                  (then (local.set $runKey (i32.const 0)) (local.set $runCount (i32.const 0))))
                (local.set $runKey (i32.add (i32.mul (local.get $runKey) (i32.const 0x01000193)) (local.get $hash)))
                (if (i32.ge_s (local.get $runCount) (local.get $runLength))
                  (then
                    (local.set $runKey
                      (i32.sub (local.get $runKey)
                        (i32.mul
                          (i32.load (i32.add (local.get $hashes)
                            (i32.shl (i32.sub (i32.sub (local.get $count) (i32.const 1)) (local.get $runLength)) (i32.const 2))))
                          (local.get $runPower))))))
                (local.set $runCount (i32.add (local.get $runCount) (i32.const 1)))
                (if (i32.ge_s (local.get $runCount) (local.get $runLength))
                  (then
                    (i32.store (i32.add (local.get $found) (i32.shl (local.get $foundCount) (i32.const 2)))
                      (i32.sub (local.get $count) (local.get $runLength)))
                    (local.set $key (i32.and (i32.xor (local.get $runKey) (i32.shr_u (local.get $runKey) (i32.const 15))) (i32.const 0x3fffffff)))
                    (if (local.get $runFile)
                      (then
                        (drop (call $visit (local.get $key) (i32.const 1)))
                        (if (global.get $full)
                          (then (local.set $pos (i32.const -1)) (br $stop))))
                      (else
                        (if (call $mayHold (local.get $key))
                          (then
                            (local.set $foundCount
                              (i32.add (local.get $foundCount) (call $visit (local.get $key) (i32.const 0))))))))))))))
        (if (i32.eq (local.get $kind) (i32.const 8))
          (then
            (global.set $count (local.get $count))
            (call $closeParagraph)
            (if (global.get $full)
              (then (local.set $pos (i32.const -1)) (br $stop)))
            (local.set $paragraphFirst (local.get $count))
            (local.set $isPublic (i32.const 0))
            (local.set $clauseEnd (i32.const 0))
            (local.set $clauseBreak (i32.const 0))
            (local.set $sentenceEnd (i32.const 0))
            (local.set $spaces (i32.const 0))
            (local.set $newSentence (i32.const 1))
            (br $next)))
        (if (i32.eq (local.get $kind) (i32.const 6)) (then (local.set $isPublic (i32.const 1)) (br $next)))
        (if (i32.eq (local.get $kind) (i32.const 7)) (then (local.set $isPublic (i32.const 0)) (br $next)))
        (if (i32.eq (local.get $kind) (i32.const 3)) (then (local.set $clauseEnd (i32.const 1)) (br $next)))
        (if (i32.eq (local.get $kind) (i32.const 2))
          (then (if (local.get $clauseEnd) (then (local.set $clauseBreak (i32.const 1)))) (br $next)))
        (if (i32.ne (local.get $kind) (i32.const 4)) (then (local.set $clauseEnd (i32.const 0))))
        (br $next)))
    (global.set $count (local.get $count))
    (global.set $charCount (local.get $charCount))
    (global.set $inWord (local.get $inWord))
    (global.set $hash (local.get $hash))
    (global.set $flag (local.get $flag))
    (global.set $clauseEnd (local.get $clauseEnd))
    (global.set $clauseBreak (local.get $clauseBreak))
    (global.set $sentenceEnd (local.get $sentenceEnd))
    (global.set $spaces (local.get $spaces))
    (global.set $newSentence (local.get $newSentence))
    (global.set $isPublic (local.get $isPublic))
    (global.set $paragraphFirst (local.get $paragraphFirst))
    (global.set $runKey (local.get $runKey))
    (global.set $runCount (local.get $runCount))
    (global.set $foundCount (local.get $foundCount))
    (local.get $pos))
)
