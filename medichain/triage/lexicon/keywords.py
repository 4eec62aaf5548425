"""English key words whose misspellings the engine repairs, and real words that must never be "repaired"."""

_KEYWORDS = """
    chest pain heart attack pressure tight tightness crushing squeezing heavy heaviness
    breathe breath breathing breathless shortness difficulty gasping choking choked throat swallowed
    unconscious unresponsive responding collapsed fainted faint dizzy lightheaded sweating sweaty clammy
    nausea nauseous vomiting vomited vomit blood bleeding bleed stroke slurred speech drooping droopy
    numbness numb weakness paralyzed seizure seizures seizing convulsing convulsions epileptic
    allergic allergy anaphylaxis anaphylactic swelling swollen tongue hives epipen inhaler asthma wheezing
    poison poisoning overdose overdosed bleach detergent battery batteries magnet magnets pills tablets
    medicine medication suicide suicidal myself kill die pregnant pregnancy weeks bleeding contractions
    fever temperature degrees newborn infant toddler baby months headache worst sudden suddenly
    confused confusion disoriented drowsy sleepy lethargic listless stomach abdominal belly testicle
    burned burns scalded electrocuted electric drowning drowned snake bitten broken fracture deformed
    wrist ankle diarrhea dehydrated urine stitches deep gaping carbon monoxide diabetic diabetes insulin
    sugar warfarin thinners chemo stiff rash purple spots vision blurry double balance pulse breathing
    crash accident ladder stabbed unconsciousness emergency ambulance
"""
ENGLISH_KEYWORDS: frozenset[str] = frozenset(_KEYWORDS.split())

# Real English words one edit away from a key word: left as typed.
_NOT_TYPOS = """
    strike stroll stoke strobe swearing sweeting feeling falling fainting painting paint paints pins pint
    chess cheat cheap breed breeding blond bleat blend blender heard hears heat hearth heavy heave
    battle bottle butter better letter matter pillow spills spill drills pill kills killed till
    dies died diet tie tied lie lied pie sudden bitter butter sugary medicate poison poisons
    though thought through tough trough months mouths worth worse words world tights tight tighten
    drowsing browning crowning frowning drawing dreaming treating sweating cheating seating beating
    heating eating breading braking brooking broker broken broke bridge fridge spots shots slots
"""
NOT_TYPOS: frozenset[str] = frozenset(_NOT_TYPOS.split())
