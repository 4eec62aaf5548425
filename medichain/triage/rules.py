"""The KTAS rule table: which combinations of findings mean which level (TRIAGE.md, situation by situation).

A rule fires when all of `all_of` are present, at least one of each group in `any_of` is present and
none of `none_of` is.  `mild_to` is the level used instead when the message says the finding is mild or
over; `raise_with` names special populations that make it one level more urgent (never beyond 2);
`chronic_to` is the level used when the message describes a recurring pattern ("가끔", "whenever I'm
stressed") rather than something happening now.
Rules that share a `family` report one red flag, the most urgent.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Rule:
    """One KTAS finding: a code, its level and the evidence that makes it fire."""

    code: str
    level: int
    all_of: frozenset[str] = frozenset()
    any_of: tuple[frozenset[str], ...] = ()
    none_of: frozenset[str] = frozenset()
    mild_to: int | None = None
    raise_with: frozenset[str] = frozenset()
    crisis: bool = False
    family: str = ""
    chronic_to: int | None = None

    def fires(self, facts: frozenset[str]) -> bool:
        """True when the facts satisfy the rule."""
        return (
            self.all_of <= facts
            and all(not group.isdisjoint(facts) for group in self.any_of)
            and self.none_of.isdisjoint(facts)
        )

    def level_for(self, facts: frozenset[str]) -> int:
        """The level after mildness and special populations are taken into account."""
        level = self.level
        if self.mild_to is not None and not {"mild", "resolved"}.isdisjoint(facts):
            level = max(level, self.mild_to)
        if self.chronic_to is not None and "habitual" in facts and "now_marker" not in facts:
            level = max(level, self.chronic_to)
        if not self.raise_with.isdisjoint(facts):
            level = max(2, level - 1) if level > 2 else level
        return level


def rule(
    code: str,
    level: int,
    all_of: str = "",
    *any_of: str,
    none_of: str = "",
    mild_to: int | None = None,
    raise_with: str = "",
    crisis: bool = False,
    family: str = "",
    chronic_to: int | None = None,
) -> Rule:
    """Build a rule from space-separated concept names (each `any_of` argument is one group)."""
    return Rule(
        code=code,
        level=level,
        all_of=frozenset(all_of.split()),
        any_of=tuple(frozenset(group.split()) for group in any_of),
        none_of=frozenset(none_of.split()),
        mild_to=mild_to,
        raise_with=frozenset(raise_with.split()),
        crisis=crisis,
        family=family or code,
        chronic_to=chronic_to,
    )


_DYSPNEA = "dyspnea_mild dyspnea_severe"
_CARDIAC_FEATURES = f"radiation sweating nausea {_DYSPNEA} dizzy syncope palpitations shock_signs"
_TRAUMA = "high_fall road_accident penetrating_trauma crush_injury heavy_blood bleeding_uncontrolled"
_CHILD = "child infant_word infant_unknown child_3_36 infant_lt3m toddler"
_ALLERGY_BREATHING = f"{_DYSPNEA} wheeze throat_swell airway_closing"

RULES: tuple[Rule, ...] = (
    # --- KTAS 1: resuscitation
    rule("cardiac_arrest", 1, "", "not_breathing unresponsive", mild_to=2),
    rule("cardiac_arrest", 1, "collapse", "gasping cyanosis", mild_to=2),
    rule(
        "choking",
        1,
        "choke_obstruct",
        "choke_severe_sign dyspnea_severe cyanosis unresponsive",
        none_of="fishbone",
    ),
    rule("choking", 1, "choke_obstruct", _CHILD, none_of="fishbone choke_partial resolved"),
    rule("respiratory_failure", 1, "cyanosis", f"gasping {_DYSPNEA} choke_obstruct unresponsive asthma"),
    rule("respiratory_failure", 1, "cant_speak_breathless"),
    rule("respiratory_failure", 1, "gasping dyspnea_severe"),
    rule(
        "anaphylaxis",
        1,
        "airway_closing",
        "allergen_exposure hives angioedema dyspnea_severe face_swelling known_allergy severe_allergy",
    ),
    rule(
        "anaphylaxis",
        1,
        "throat_swell dyspnea_severe",
        "allergen_exposure hives angioedema severe_allergy known_allergy",
    ),
    rule("status_epilepticus", 1, "seizure", "seizure_prolonged seizure_repeated", family="seizure"),
    rule("major_trauma_shock", 1, "", _TRAUMA, "shock_signs confusion drowsy_severe", family="major_trauma"),
    # --- KTAS 2: emergent
    rule("chest_pain_cardiac", 2, "chest_pressure", family="chest", chronic_to=4),
    rule("chest_pain_cardiac", 2, "chest_pain", _CARDIAC_FEATURES, family="chest", chronic_to=4),
    rule("chest_pain_cardiac", 2, "chest_pain heart_disease", family="chest"),
    rule("chest_pain_cardiac", 2, "heart_attack_self", family="chest"),
    rule(
        "chest_pain_cardiac", 2, "epigastric_pain", f"sweating radiation {_DYSPNEA} syncope", family="chest"
    ),
    rule("aortic_dissection", 2, "tearing_pain"),
    rule("stroke_signs", 2, "face_droop"),
    rule("stroke_signs", 2, "limb_weak_strong", none_of="injury_context fracture_sign"),
    rule("stroke_signs", 2, "vision_blur sudden", "dizzy balance_loss limb_numb"),
    rule("stroke_signs", 2, "speech_disturbance", none_of="choke_obstruct"),
    rule(
        "stroke_signs",
        2,
        "limb_numb",
        "sudden half_body speech_disturbance face_droop balance_loss vision_loss vision_blur",
        none_of="injury_context chest_pain",
    ),
    rule("stroke_signs", 2, "vision_loss", "sudden half_body balance_loss limb_numb"),
    rule("stroke_signs", 2, "balance_loss sudden"),
    rule("stroke_signs", 2, "stroke_self"),
    rule("thunderclap_headache", 2, "headache thunderclap", family="headache"),
    rule("thunderclap_headache", 2, "headache sudden severe", family="headache"),
    rule("breathing_difficulty", 2, "dyspnea_severe", family="breathing", chronic_to=4),
    rule("breathing_difficulty", 2, "dyspnea_mild rest", family="breathing"),
    rule("breathing_difficulty", 2, "dyspnea_mild severe", family="breathing", chronic_to=4),
    rule("breathing_difficulty", 2, "gasping", family="breathing"),
    rule("breathing_difficulty", 2, "cyanosis", family="breathing"),
    rule("severe_asthma", 2, "inhaler_fail", family="asthma"),
    rule(
        "anaphylaxis",
        2,
        "angioedema",
        f"allergen_exposure hives {_ALLERGY_BREATHING} dizzy face_swelling known_allergy severe_allergy "
        "vomiting",
    ),
    rule(
        "anaphylaxis",
        2,
        "hives widespread",
        f"dizzy syncope angioedema face_swelling vomiting {_ALLERGY_BREATHING}",
    ),
    rule("anaphylaxis", 2, "hives allergen_exposure", f"dizzy syncope face_swelling {_ALLERGY_BREATHING}"),
    rule("anaphylaxis", 2, "allergen_exposure severe_allergy"),
    rule(
        "anaphylaxis",
        2,
        "allergen_exposure known_allergy",
        f"hives angioedema face_swelling dizzy vomiting {_ALLERGY_BREATHING}",
    ),
    rule("anaphylaxis", 2, "allergen_exposure face_swelling", f"dizzy syncope vomiting {_ALLERGY_BREATHING}"),
    rule("anaphylaxis", 2, "severe_allergy", "hives angioedema face_swelling"),
    rule("anaphylaxis", 2, "airway_closing"),
    rule("severe_bleeding", 2, "bleeding_uncontrolled", none_of="nosebleed", family="bleeding"),
    rule("gi_bleeding", 2, "hematemesis"),
    rule("gi_bleeding", 2, "melena", "dizzy syncope shock_signs drowsy"),
    rule("gi_bleeding", 2, "hematochezia", "heavy_amount dizzy syncope shock_signs"),
    rule("hemoptysis", 2, "hemoptysis heavy_amount"),
    rule("altered_consciousness", 2, "confusion"),
    rule("altered_consciousness", 2, "drowsy_severe"),
    rule(
        "hypoglycemia",
        2,
        "diabetes",
        "sweating tremor confusion dazed syncope drowsy_severe speech_disturbance",
    ),
    rule("hypoglycemia", 2, "low_sugar_self"),
    rule("poisoning", 2, "hazard_ingested"),
    rule("poisoning", 2, "medicine_ingested", _CHILD),
    rule("overdose", 2, "medicine_ingested overdose_amount", crisis=True),
    rule("overdose", 2, "overdose_self", crisis=True),
    rule("carbon_monoxide", 2, "co_source", "headache nausea dizzy syncope confusion drowsy unresponsive"),
    rule("carbon_monoxide", 2, "co_self"),
    rule("carbon_monoxide", 2, "group headache", "nausea dizzy vomiting drowsy"),
    rule("suicidal_intent", 2, "suicidal_plan", crisis=True, family="suicide"),
    rule("suicidal_intent", 2, "suicidal_thought plan_marker", crisis=True, family="suicide"),
    rule("self_harm_injury", 2, "self_harm_act", crisis=True, family="suicide"),
    rule(
        "head_injury",
        2,
        "head_injury",
        "vomiting nausea drowsy drowsy_severe confusion dazed seizure syncope unresponsive speech_distu"
        "rbance "
        "limb_weak_strong vision_blur",
        family="head_injury",
    ),
    rule(
        "pregnancy_emergency",
        2,
        "pregnant vaginal_bleeding heavy_amount",
        none_of="nosebleed",
        family="pregnancy",
    ),
    rule("pregnancy_emergency", 2, "pregnant fluid_leak", none_of="term", family="pregnancy"),
    rule("pregnancy_emergency", 2, "pregnant abdominal_pain severe", family="pregnancy"),
    rule("pregnancy_emergency", 2, "pregnant seizure", family="pregnancy"),
    rule("pregnancy_emergency", 2, "pregnant headache", "vision_blur vision_loss", family="pregnancy"),
    rule("reduced_fetal_movement", 2, "fetal_movement_reduced"),
    rule("reduced_fetal_movement", 2, "baby_not_moving pregnant"),
    rule("infant_fever", 2, "fever infant_lt3m"),
    rule("infant_unwell", 2, "infant_lt3m", "child_unwell drowsy vomiting", family="child_unwell"),
    rule("meningitis_signs", 2, "fever", "stiff_neck confusion"),
    rule("meningitis_signs", 2, "nonblanching_rash"),
    rule("severe_burn", 2, "burn", "burn_site_critical burn_large chemical", mild_to=4, family="burn"),
    rule("severe_burn", 2, "smoke_inhalation", family="burn"),
    rule("chemical_eye", 2, "chemical_eye"),
    rule("electrocution", 2, "electrocution"),
    rule("near_drowning", 2, "drowning"),
    rule("snake_bite", 2, "snake_bite"),
    rule("acute_abdomen", 2, "abdominal_pain rigid_abdomen", family="abdomen"),
    rule("testicular_torsion", 2, "testicular_pain", "sudden severe"),
    rule("major_trauma", 2, "", "high_fall penetrating_trauma crush_injury open_fracture"),
    rule("major_trauma", 2, "road_accident pedestrian_or_serious"),
    rule("seizure", 2, "seizure", mild_to=3),
    rule("collapse", 2, "collapse", mild_to=3, family="syncope"),
    # --- KTAS 3: urgent
    rule("suicidal_thoughts", 3, "suicidal_thought", crisis=True, family="suicide"),
    rule("chest_pain", 3, "chest_pain", family="chest", chronic_to=4),
    rule("child_high_fever", 3, "fever_39", "child_3_36 infant_unknown", family="fever"),
    rule("child_unwell", 3, "child_unwell", _CHILD, family="child_unwell"),
    rule("fever", 3, "fever_40", family="fever"),
    rule("dehydration", 3, "", "vomiting diarrhea cant_keep_down", "dehydration_sign"),
    rule("dehydration", 3, "cant_keep_down"),
    rule("possible_fracture", 3, "fracture_sign", none_of="walkable"),
    rule("possible_fracture", 3, "spine_immobile", "injury_context stairs_fall high_fall road_accident"),
    rule("possible_fracture", 3, "weight_bearing_loss", "injury_context swelling", none_of="walkable"),
    rule("laceration", 3, "cut deep_cut"),
    rule("moderate_asthma", 3, "asthma", "asthma_attack wheeze dyspnea_mild inhaler_helps", family="asthma"),
    rule("moderate_asthma", 3, "wheeze dyspnea_mild", family="asthma"),
    rule(
        "breathing_difficulty",
        3,
        "dyspnea_mild",
        none_of="exertion",
        mild_to=4,
        family="breathing",
        chronic_to=4,
    ),
    rule("severe_abdominal_pain", 3, "abdominal_pain severe", raise_with="pregnant", family="abdomen"),
    rule("severe_abdominal_pain", 3, "appendicitis_self", family="abdomen"),
    rule("testicular_torsion", 3, "testicular_pain"),
    rule("major_trauma", 3, "road_accident", none_of="minor_complaint", mild_to=4),
    rule("major_trauma", 4, "road_accident minor_complaint", raise_with="elderly anticoagulant pregnant"),
    rule("syncope", 3, "syncope", family="syncope"),
    rule("head_injury", 3, "head_injury anticoagulant", family="head_injury"),
    rule("allergic_reaction", 3, "hives widespread", family="anaphylaxis"),
    rule("allergic_reaction", 3, "angioedema", family="anaphylaxis"),
    rule("allergic_reaction", 3, "allergen_exposure known_allergy", family="anaphylaxis"),
    rule(
        "bleeding",
        3,
        "heavy_blood",
        none_of="nosebleed resolved",
        raise_with="anticoagulant",
        family="bleeding",
    ),
    rule(
        "severe_bleeding",
        3,
        "nosebleed",
        "bleeding_uncontrolled persistent heavy_blood",
        none_of="resolved",
        raise_with="anticoagulant",
        family="bleeding",
    ),
    rule("gi_bleeding", 3, "melena", raise_with="anticoagulant"),
    rule("gi_bleeding", 3, "hematochezia", raise_with="anticoagulant"),
    rule("hemoptysis", 3, "hemoptysis", mild_to=4, raise_with="anticoagulant"),
    rule("pregnancy_emergency", 3, "pregnant vaginal_bleeding", none_of="nosebleed", family="pregnancy"),
    rule("pregnancy_emergency", 3, "pregnant fluid_leak term", family="pregnancy"),
    rule("labour", 3, "labour pregnant"),
    rule("hypoglycemia", 3, "diabetes dizzy"),
    rule("hyperglycemia", 3, "high_glucose"),
    rule("severe_hypertension", 3, "severe_hypertension"),
    rule(
        "severe_hypertension",
        2,
        "severe_hypertension",
        f"headache vision_blur vision_loss chest_pain confusion {_DYSPNEA} limb_numb",
    ),
    rule("vision_loss", 3, "vision_loss", family="stroke_signs"),
    rule("foreign_body", 3, "coin_swallowed"),
    rule("palpitations", 3, "palpitations", f"dizzy syncope {_DYSPNEA}", family="palpitations", chronic_to=4),
    rule("urinary_retention", 3, "urinary_retention", none_of="dehydration_sign"),
    rule("eye_injury", 3, "eye_injury"),
    # --- KTAS 4: less urgent (raised by special populations)
    rule(
        "fever",
        4,
        "fever",
        none_of="well_child fever_resolved",
        raise_with="immunosuppressed elderly pregnant infant_unknown",
        family="fever",
    ),
    rule("head_injury", 4, "head_injury", mild_to=5, raise_with="elderly infant_lt3m", family="head_injury"),
    rule("abdominal_pain", 4, "abdominal_pain", mild_to=5, raise_with="pregnant elderly", family="abdomen"),
    rule("abdominal_pain", 4, "epigastric_pain", mild_to=5, raise_with="pregnant elderly", family="abdomen"),
    rule(
        "vomiting_diarrhea",
        4,
        "persistent",
        "vomiting diarrhea",
        none_of="resolved",
        raise_with="infant_lt3m pregnant elderly",
    ),
    rule("burn", 4, "burn", mild_to=5, family="burn"),
    rule("fall", 4, "stairs_fall", raise_with="elderly anticoagulant"),
    rule("injury", 4, "injury_context swelling", none_of="walkable", mild_to=5),
    rule("animal_bite", 4, "animal_bite", raise_with="immunosuppressed"),
    rule("breathing_difficulty", 4, "dyspnea_mild exertion", family="breathing"),
    rule("wheeze", 4, "wheeze", family="asthma"),
    rule("palpitations", 4, "palpitations", family="palpitations"),
    rule("severe_headache", 4, "headache severe", raise_with="pregnant", family="headache"),
    rule("urinary_symptoms", 4, "urinary", raise_with="pregnant"),
    rule("ear_pain", 4, "ear_pain", mild_to=5),
    rule("toothache", 4, "toothache", mild_to=5),
    rule("throat_infection", 4, "throat_infection", mild_to=5),
    rule("foreign_body", 4, "choke_obstruct fishbone"),
    rule("dehydration", 4, "dehydration_sign"),
)
