"""Validation of YAML data (rule files, substance files, config) against small declarative schemas."""

from __future__ import annotations

import hashlib
import marshal
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Mapping

from linter.errors import DraftlintError, RuleError
from linter.memo import remembered

# Key namespace of parsed YAML in the pattern store: change it whenever _parsed changes.
_YAML_MEMO = "yaml/1"

_TYPE_NAMES: dict[type, str] = {
    str: "a string",
    int: "an integer",
    float: "a number",
    bool: "true or false",
    list: "a list",
    dict: "a mapping",
    type(None): "null",
}


@dataclass(frozen=True)
class Field:
    """One key of a schema: its type, whether it is required, its default and its elements."""

    type: type | tuple[type, ...]
    required: bool = False
    default: Any = None
    items: type | tuple[type, ...] | None = None  # element type when `type` is list or dict values
    fields: Mapping[str, "Field"] | None = None  # schema of each element when elements are mappings
    choices: tuple[Any, ...] | None = None
    help: str = ""


def _describe(expected: type | tuple[type, ...]) -> str:
    kinds = expected if isinstance(expected, tuple) else (expected,)
    return " or ".join(_TYPE_NAMES.get(k, k.__name__) for k in kinds)


def _is(value: Any, expected: type | tuple[type, ...]) -> bool:
    kinds = expected if isinstance(expected, tuple) else (expected,)
    if isinstance(value, bool) and bool not in kinds:
        return False  # YAML `yes` is not a number
    if float in kinds and isinstance(value, int) and not isinstance(value, bool):
        return True
    return isinstance(value, kinds)


def validate(
    data: Any,
    fields: Mapping[str, Field],
    source: str,
    where: str = "",
    error: type[DraftlintError] = RuleError,
) -> dict[str, Any]:
    """Check a mapping against `fields`; return it with defaults filled in.

    Errors name the file and the dotted key: `rules/x.yaml: key 'examples[2].fail' must be a string`.
    """
    if not isinstance(data, dict):
        raise error(f"{_key(where) or 'the file'} must be a mapping of keys to values", source)
    unknown = sorted(set(map(str, data)) - set(fields))
    if unknown:
        known = ", ".join(sorted(fields))
        raise error(f"unknown key {_key(_join(where, unknown[0]))}", source, f"allowed keys: {known}")
    result: dict[str, Any] = {}
    for name, spec in fields.items():
        path = _join(where, name)
        if name not in data or data[name] is None and spec.required:
            if spec.required:
                raise error(f"missing required key {_key(path)}", source)
            result[name] = spec.default
            continue
        result[name] = _value(data[name], spec, source, path, error)
    return result


def _value(value: Any, spec: Field, source: str, path: str, error: type[DraftlintError]) -> Any:
    if value is None and type(None) not in _tuple(spec.type):
        return spec.default
    if not _is(value, spec.type):
        raise error(f"key {_key(path)} must be {_describe(spec.type)}, not {_describe(type(value))}", source)
    if spec.choices is not None and value not in spec.choices:
        allowed = ", ".join(map(str, spec.choices))
        raise error(f"key {_key(path)} is {value!r}; expected one of: {allowed}", source)
    if isinstance(value, list):
        return [_element(item, spec, source, f"{path}[{i}]", error) for i, item in enumerate(value)]
    if isinstance(value, dict) and (spec.items is not None or spec.fields is not None):
        return {str(k): _element(v, spec, source, _join(path, str(k)), error) for k, v in value.items()}
    return value


def _element(item: Any, spec: Field, source: str, path: str, error: type[DraftlintError]) -> Any:
    if spec.fields is not None:
        return validate(item, spec.fields, source, path, error)
    if spec.items is not None and not _is(item, spec.items):
        raise error(f"key {_key(path)} must be {_describe(spec.items)}, not {_describe(type(item))}", source)
    return item


def _tuple(kinds: type | tuple[type, ...]) -> tuple[type, ...]:
    return kinds if isinstance(kinds, tuple) else (kinds,)


def _join(where: str, name: str) -> str:
    return f"{where}.{name}" if where else name


def _key(path: str) -> str:
    return f"'{path}'" if path else ""


def read_yaml(path: Path, error: type[DraftlintError] = RuleError) -> Any:
    """Parse one YAML file; any failure is a one-line error naming the file and line.

    Parsed files are remembered by their contents in the memo store, so a pre-commit run with
    unchanged rule files neither imports nor runs the YAML parser.
    """
    try:
        with open(path, "rb") as handle:
            data = handle.read()
        parsed_now: list[Any] = []
        stored = remembered(_YAML_MEMO, hashlib.sha256(data).hexdigest(), lambda _: _parsed(data, parsed_now))
        if parsed_now:  # parsed in this call: the store keeps bytes, so this object is the caller's own
            return parsed_now[0]
        # A fresh copy every time: callers may change what they get.
        return marshal.loads(stored) if stored is not None else _load_yaml(data)
    except OSError as exc:
        raise error(f"cannot read file ({exc.strerror})", str(path)) from None
    except _YAMLError as exc:
        mark = exc.problem_mark
        where = f" at line {mark.line + 1}" if mark is not None else ""
        # A ReaderError (bytes that are not text) has a `reason` and no `problem`.
        problem = exc.problem or exc.reason or "invalid YAML"
        raise error(f"invalid YAML{where}: {problem}", str(path), "fix the YAML syntax") from None
    except RecursionError:  # PyYAML composes nested collections recursively
        raise error("invalid YAML: nested too deeply", str(path), "flatten the YAML") from None


class _YAMLError(Exception):
    """Any error PyYAML raises, with its mark and problem (yaml itself is imported only to parse)."""

    def __init__(self, cause: Exception) -> None:
        super().__init__(str(cause))
        self.problem_mark = getattr(cause, "problem_mark", None)
        self.problem = getattr(cause, "problem", None)
        self.reason = getattr(cause, "reason", None)


def _load_yaml(data: bytes) -> Any:
    """PyYAML's safe load (the C parser when there is one), its errors as _YAMLError."""
    import yaml  # deferred: a run whose YAML is all remembered never imports it

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        return yaml.load(data, Loader=loader)
    except yaml.YAMLError as exc:
        raise _YAMLError(exc) from None


def _parsed(data: bytes, parsed_now: list[Any]) -> bytes | None:
    """The parsed document as marshal bytes (the document itself is appended to `parsed_now`), or
    None when it holds values marshal cannot write (dates): those files are parsed afresh every
    time. Parse errors propagate, so never stored."""
    document = _load_yaml(data)
    parsed_now.append(document)
    try:
        return marshal.dumps(document)
    except ValueError:
        return None
