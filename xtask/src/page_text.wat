;; The pages' decoder of data-block text (`ethics_engine::page_text`, which says why seven bits
;; to a character), as a WebAssembly module of a few hundred bytes that the page's script
;; compiles at once: a loop over a quarter of a million characters runs there from its first
;; iteration at full speed, where JavaScript starts it slowly (with the CPU slowed 4×, about
;; 60 ms for the single file's blocks). It runs once, so in V8's baseline compiler, Liftoff:
;; its state is in locals, which Liftoff keeps in registers, and the loop calls nothing (with
;; globals and a call a character, it took twice as long). `xtask` assembles it with binaryen's
;; wasm-as.
;;
;; decode(end, out, length): the text after its semicolon, ASCII at 0..end of the memory, into
;; `length` bytes at `out`; returns how many bytes it wrote (fewer if the text was cut short).
(module
  (memory (export "memory") 1)

  (func (export "decode") (param $end i32) (param $out i32) (param $length i32) (result i32)
    (local $i i32) (local $c i32) (local $digit i32) (local $bits i32) (local $count i32) (local $at i32) (local $stop i32)
    (local.set $at (local.get $out))
    (local.set $stop (i32.add (local.get $out) (local.get $length)))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $end)))
        (local.set $c (i32.load8_u (local.get $i)))
        (if (i32.eq (local.get $c) (i32.const 0x7f))
          (then
            ;; DEL and a digit: NUL, CR, `<` or DEL, in that order.
            (local.set $i (i32.add (local.get $i) (i32.const 1)))
            (local.set $digit (i32.sub (i32.load8_u (local.get $i)) (i32.const 48)))
            (local.set $c (select (i32.const 0)
              (select (i32.const 13)
                (select (i32.const 60) (i32.const 0x7f) (i32.eq (local.get $digit) (i32.const 2)))
                (i32.eq (local.get $digit) (i32.const 1)))
              (i32.eqz (local.get $digit))))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        ;; Seven more bits; a byte out each time eight have come. Bits above the fifteen
        ;; lowest are never read: the shift pushes them out.
        (local.set $bits (i32.or (i32.shl (local.get $bits) (i32.const 7)) (local.get $c)))
        (local.set $count (i32.add (local.get $count) (i32.const 7)))
        (br_if $next (i32.lt_u (local.get $count) (i32.const 8)))
        (local.set $count (i32.sub (local.get $count) (i32.const 8)))
        ;; Every byte written: what follows is the last byte's padding.
        (br_if $done (i32.ge_u (local.get $at) (local.get $stop)))
        (i32.store8 (local.get $at) (i32.shr_u (local.get $bits) (local.get $count)))
        (local.set $at (i32.add (local.get $at) (i32.const 1)))
        (br $next)))
    (i32.sub (local.get $at) (local.get $out))))
