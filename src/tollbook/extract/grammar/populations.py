"""Population nouns, declared as data: head noun -> (population, class, unit).

One row per meaning: the words (lower case, singular and plural, comma-separated), the
population they name, its class (civilian / combatant / unknown) and the unit counted.
`lexicon.POPULATIONS` loads these rows through `loader.load_table`, which refuses a word
declared in two rows with different meanings. docs/annotation.md documents the same classes.

Two words used to be declared twice, the later row silently winning: "traders" (civilians,
then people) and "youths" (children, then people). Each is now declared once, with the
meaning the extractor has always used (the later row's): people, class unknown.
"""

from __future__ import annotations

from typing import NamedTuple

__all__ = ["ORGANISATION_DEFAULT", "ORGANISATION_POPULATIONS", "POPULATION_NOUNS", "Population"]


class Population(NamedTuple):
    """What a head noun counts: ("civilians", "civilian", "people")."""

    population: str
    population_class: str
    unit: str = "people"


POPULATION_NOUNS: tuple[tuple[str, Population], ...] = (
    ("people,persons,person,individuals,individual,others,other people,victims,victim,bodies,"
     "lives,souls,casualties,dead,human beings,men and women", Population("people", "unknown")),
    ("pilgrim,worshipper,shepherd,fisherman,", Population("civilians", "civilian")),
    ("civilians,civilian,non-combatants,residents,resident,villagers,villager,inhabitants,"
     "locals,passengers,passenger,worshippers,worshipers,farmers,farmer,shoppers,pilgrims,"
     "bystanders,passers-by,passersby,passerby,passer-by,citizens,civilian residents,peaceful residents,peaceful inhabitants,"
     "fishermen,herders,shepherds,drivers,driver", Population("civilians", "civilian")),
    ("children,child,kids,minors,minor,boys,boy,girls,girl,infants,infant,babies,baby,"
     "toddlers,teenagers,teenager,schoolchildren,schoolboys,schoolgirls", Population("children", "civilian")),
    ("women,woman,mothers,mother,pregnant women,females", Population("women", "civilian")),
    ("men,man,males", Population("men", "unknown")),
    ("elderly,elderly people,elderly citizens,elderly persons,elderly residents,old people,"
     "pensioners,elders", Population("elderly", "civilian")),
    ("soldiers,soldier,troops,servicemen,serviceman,service members,servicemembers,conscripts,"
     "marines,paratroopers,security forces,security personnel,army personnel,military personnel,"
     "personnel,guards,border guards,sailors,airmen,officers and soldiers,peacekeepers,"
     "army officers,recruits,reservists,military,peacekeeper,conscript", Population("soldiers", "combatant")),
    ("militants,militant,fighters,fighter,insurgents,insurgent,rebels,rebel,gunmen,gunman,"
     "jihadists,combatants,attackers,attacker,assailants,assailant,bombers,bomber,"
     "militiamen,militia members,separatists,terrorists,elements,members,operatives,"
     "extremists,armed men,suspected militants,member", Population("militants", "combatant")),
    ("police,policemen,policeman,police officers,police officer,officers,officer,gendarmes,"
     "policewomen,police personnel", Population("police", "combatant")),
    ("protesters,protester,demonstrators,demonstrator,protestors", Population("protesters", "civilian")),
    ("journalists,journalist,reporters,reporter,photographers,photographer,media workers",
     Population("journalists", "civilian")),
    ("border guard,guard,", Population("soldiers", "combatant")),
    ("toddler,", Population("children", "civilian")),
    ("policewoman,", Population("police", "combatant")),
    ("aid workers,aid worker,health workers,health worker,humanitarian workers,medics,medic,"
     "doctors,doctor,nurses,nurse,paramedics,workers,worker,teachers,teacher,"
     "paramedic,rescue workers,volunteers,staff,employees,staff members,miners,labourers,laborers,"
     "crew members,crew member,crewmen,crewman",
     Population("workers", "civilian")),
    ("refugees,refugee,migrants,migrant,asylum seekers,idps,internally displaced persons,"
     "internally displaced people", Population("refugees", "civilian")),
    ("students,student,pupils,pupil", Population("students", "civilian")),
    ("prisoners,prisoner,inmates,inmate,detainees,detainee,captives,prisoners of war,pows",
     Population("prisoners", "unknown")),
    ("commanders,commander,cadres,cadre,bodyguards,bodyguard,snipers,sniper,recruiters,"
     "mercenaries,mercenary,tribesmen,tribesman,clansmen,clansman,warlords,warlord",
     Population("militants", "combatant")),
    ("suspects,suspect,leaders,leader,officials,official,chiefs,chief,activists,activist,"
     "politicians,politician,mayors,mayor,councillors,councillor,councilors,councilor,lawyers,"
     "lawyer,judges,judge,pastors,pastor,priests,priest,imams,imam,clerics,cleric,monks,monk,"
     "merchants,merchant,vendors,vendor,shopkeepers,shopkeeper,businessmen,businessman,"
     "businesswoman,traders,trader,pastoralists,pastoralist,herdsmen,herdsman,herder,"
     "adolescents,adolescent,youths,youth,relatives,relative,family members,family member,siblings,sibling,brothers,brother,"
     "sisters,sister,sons,son,daughters,daughter,fathers,father,husbands,husband,wives,wife,"
     "cousins,cousin,nephews,nephew,uncles,uncle,supporters,supporter,informants,informant,"
     "chairman,chairmen,landowners,landowner,smugglers,smuggler,robbers,robber,thieves,thief,"
     "bandits,bandit,kidnappers,kidnapper,gang members,gang member,dealers,dealer,agents,agent,"
     "guests,guest,patients,patient,customers,customer,neighbours,neighbour,neighbors,neighbor",
     Population("people", "unknown")),
    ("families,family", Population("families", "unknown", "families")),
    ("households,household,homes", Population("households", "unknown", "households")),
)  # fmt: skip

#: "members of the security forces", "personnel of the police": the organisation's name says
#: who its members are. Rows are tried in order (word stems, read as a pattern, lower case);
#: an organisation none of them names is an armed group.
ORGANISATION_POPULATIONS: tuple[tuple[str, Population], ...] = (
    (r"police|gendarm", Population("police", "combatant")),
    (r"army|armed\s+forces|military|security\s+forces|defen[cs]e\s+forces|troops|navy|guard",
     Population("soldiers", "combatant")),
    (r"famil|household|communit|congregation|press|media|public", Population("people", "unknown")),
)  # fmt: skip
ORGANISATION_DEFAULT = Population("militants", "combatant")
