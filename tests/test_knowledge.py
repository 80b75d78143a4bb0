"""The substance knowledge base: every built-in file loads, names resolve, bad files are refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from linter.errors import RuleError
from linter.knowledge import DEPENDENCE_CLASS, Knowledge, load_knowledge
from linter.ruleset import builtin_rules_dir

BUILTIN = builtin_rules_dir() / "substances"
REQUIRED = {
    "kratom", "melatonin", "valerian", "kava", "cbd", "st-johns-wort", "ashwagandha", "magnesium",
    "l-theanine", "5-htp", "chamomile", "passionflower", "lavender", "diphenhydramine", "doxylamine",
    "glycine", "tart-cherry",
}


@pytest.fixture(scope="module")
def knowledge() -> Knowledge:
    """The built-in knowledge base, loaded once."""
    return load_knowledge([BUILTIN])


def test_all_reference_substances_are_present(knowledge: Knowledge) -> None:
    assert REQUIRED <= set(knowledge.substances)


def test_every_substance_cites_sources_and_every_dose_is_sourced(knowledge: Knowledge) -> None:
    for substance in knowledge.substances.values():
        assert substance.sources, substance.name
        for dose in substance.doses:
            assert dose.source and dose.min <= dose.max, substance.name
        for window in substance.timing:
            assert window.source and window.min_minutes <= window.max_minutes, substance.name


@pytest.mark.parametrize("name", ["glycine", "tart-cherry", "l-theanine", "lavender"])
def test_substances_without_authoritative_interactions_require_none(knowledge: Knowledge, name: str) -> None:
    substance = knowledge.substances[name]
    assert substance.interactions == () and substance.risks == ()


def test_kratom_is_habit_forming_with_a_routine_dependence_risk(knowledge: Knowledge) -> None:
    kratom = knowledge.substances["kratom"]
    assert kratom.habit_forming
    assert [(r.cls.id, r.when) for r in kratom.risks] == [(DEPENDENCE_CLASS, "routine")]
    assert {r.cls.id for r in kratom.interactions} == {"opioids", "sedatives", "alcohol"}


def test_reference_facts_are_encoded(knowledge: Knowledge) -> None:
    melatonin = knowledge.substances["melatonin"]
    assert {r.cls.id for r in melatonin.interactions} == {"sedatives", "alcohol", "blood_thinners"}
    assert melatonin.max_duration_days == 91
    assert any(d.unit == "mg" and d.min <= 1 <= d.max for d in melatonin.doses)
    assert knowledge.substances["kava"].risks[0].cls.id == "liver_injury"
    assert knowledge.substances["magnesium"].doses[0].max == 350


@pytest.mark.parametrize(
    ("prose", "expected"),
    [
        ("I take St John\u2019s wort daily.", ["st-johns-wort"]),
        ("Hypericum perforatum and magnesium glycinate", ["st-johns-wort", "magnesium"]),
        ("Unisom SleepTabs or Unisom SleepGels?", ["doxylamine", "diphenhydramine"]),
        ("Mitragyna speciosa, also sold as ketum, contains 7-OH.", ["kratom", "kratom", "kratom"]),
        ("A cup of tart cherry juice and some L-theanine.", ["tart-cherry", "l-theanine"]),
    ],
)
def test_mentions_resolve_aliases(knowledge: Knowledge, prose: str, expected: list[str]) -> None:
    assert [m.substance for m in knowledge.mentions(prose)] == expected


def test_strain_names_count_only_beside_kratom(knowledge: Knowledge) -> None:
    assert knowledge.mentions("Maeng Da is the name of a fish sauce brand.") == []
    found = knowledge.mentions("Maeng Da kratom is strong.")
    assert [(m.substance, m.start, m.end) for m in found] == [("kratom", 0, 8), ("kratom", 9, 15)]


def test_longest_name_wins(knowledge: Knowledge) -> None:
    [mention] = knowledge.mentions("magnesium citrate")
    assert (mention.start, mention.end) == (0, 17)


def _write(folder: Path, name: str, body: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(body, encoding="utf-8")
    return path


def test_a_publisher_folder_adds_and_overrides(tmp_path: Path) -> None:
    extra = tmp_path / "substances"
    _write(extra, "melatonin.yaml", "name: melatonin\nnames: [melatonin]\nsources: [house style]\n")
    _write(extra, "reishi.yaml", "name: reishi\nnames: [reishi, Ganoderma lucidum]\n"
           "interactions: [{class: blood_thinners}]\nsources: [house research]\n")
    knowledge = load_knowledge([BUILTIN, extra])
    assert knowledge.substances["melatonin"].interactions == ()
    assert [r.cls.id for r in knowledge.substances["reishi"].interactions] == ["blood_thinners"]
    assert [m.substance for m in knowledge.mentions("Ganoderma lucidum")] == ["reishi"]


def test_habit_forming_implies_a_dependence_risk(tmp_path: Path) -> None:
    extra = tmp_path / "substances"
    _write(extra, "phenibut.yaml", "name: phenibut\nnames: [phenibut]\nhabit_forming: true\nsources: [x]\n")
    risks = load_knowledge([BUILTIN, extra]).substances["phenibut"].risks
    assert [(r.cls.id, r.when) for r in risks] == [(DEPENDENCE_CLASS, "routine")]


@pytest.mark.parametrize(
    ("body", "needle"),
    [
        ("name: x\nnames: melatonin\nsources: [s]\n", "'names'"),
        ("name: x\nnames: [x]\n", "missing required key 'sources'"),
        ("name: x\nnames: [x]\nsources: [s]\ninteractions: [{class: nope}]\n", "'interactions[0].class'"),
        ("name: x\nnames: [x]\nsources: [s]\nrisks: [{class: dependence, when: sometimes}]\n", "'risks[0].when'"),
        ("name: x\nnames: [x]\nsources: [s]\ncolour: red\n", "unknown key 'colour'"),
        ("name: x\nnames: [x]\nsources: [s]\ndoses: [{min: 5, max: 1, unit: mg, source: s}]\n", "'doses[0]' has min 5"),
        ("name: x\nnames: [x]\nsources: [s]\ntiming: [{anchor: bedtime, min_minutes: 90, max_minutes: 30, source: s}]\n",
         "'timing[0]'"),
        ("name: y\nnames: [x]\nsources: [s]\n", "key 'name' is 'y'"),
        ("name: x\nnames: [melatonin]\nsources: [s]\n", "'melatonin' is listed for both"),
    ],
)
def test_bad_substance_files_give_one_line_errors(tmp_path: Path, body: str, needle: str) -> None:
    extra = tmp_path / "substances"
    path = _write(extra, "x.yaml", body)
    with pytest.raises(RuleError) as caught:
        load_knowledge([BUILTIN, extra])
    line = caught.value.one_line()
    assert "\n" not in line and needle in line
    assert str(path) in line or "melatonin" in line


def test_reference_only_classes_are_kept_but_not_required(knowledge: Knowledge) -> None:
    cbd = knowledge.substances["cbd"]
    assert {r.cls.id for r in cbd.interactions} == {"sedatives", "alcohol"} and cbd.risks == ()
    assert {r.cls.id for r in cbd.mentioned} == {"liver_metabolized", "liver_injury"}
    assert all(not r.required for r in cbd.mentioned)
    magnesium = knowledge.substances["magnesium"]
    assert {r.cls.id for r in magnesium.interactions} == {"antibiotics", "bisphosphonates"}
    assert magnesium.risks == () and knowledge.substances["passionflower"].risks == ()
    assert {r.cls.id for r in knowledge.substances["chamomile"].interactions} == {"sedatives", "blood_thinners"}


def test_required_flag_is_validated(tmp_path: Path) -> None:
    extra = tmp_path / "subs"
    _write(extra, "reishi.yaml", "name: reishi\nnames: [reishi]\ninteractions:\n  - {class: blood_thinners, required: maybe}\nsources: [x]\n")
    with pytest.raises(RuleError):
        load_knowledge([BUILTIN, extra])
