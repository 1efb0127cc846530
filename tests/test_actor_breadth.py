"""Breadth of the actor knowledge: generic actor descriptions with a country adjective.

Each case is an invented wire-style sentence, the mention as the coder reports it, and the code
it must resolve to (ISO3 + CAMEO role; see docs/actors.md for the conventions).
"""

from __future__ import annotations

import pytest


CASES = [
    # ---- GOV
    ("The Egyptian interior ministry said it had arrested 12 people.", "The Egyptian interior ministry", "EGYGOV"),
    ("A Kenyan finance ministry official said the budget would be cut.", "A Kenyan finance ministry official", "KENGOV"),
    ("The Nigerian health ministry warned of a cholera outbreak.", "The Nigerian health ministry", "NGAGOV"),
    ("An Iraqi oil ministry official said exports rose.", "An Iraqi oil ministry official", "IRQGOV"),
    ("The Turkish foreign ministry summoned the ambassador.", "The Turkish foreign ministry", "TURGOV"),
    ("The Indian home ministry ordered extra troops to the region.", "The Indian home ministry", "INDGOV"),
    ("The Ethiopian education ministry closed the schools.", "The Ethiopian education ministry", "ETHGOV"),
    ("The Egyptian justice ministry rejected the appeal.", "The Egyptian justice ministry", "EGYGOV"),
    ("A Brazilian environment ministry official criticised the loggers.", "A Brazilian environment ministry official", "BRAGOV"),
    ("The Mexican economy ministry welcomed the deal.", "The Mexican economy ministry", "MEXGOV"),
    ("The Kenyan trade minister met investors.", "The Kenyan trade minister", "KENGOV"),
    ("The Ukrainian energy minister warned of blackouts.", "The Ukrainian energy minister", "UKRGOV"),
    ("A Pakistani interior ministry spokesman said the suspects were held.", "A Pakistani interior ministry spokesman", "PAKGOV"),
    ("The Ugandan information minister dismissed the claims.", "The Ugandan information minister", "UGAGOV"),
    ("The Algerian communications minister banned the channel.", "The Algerian communications minister", "DZAGOV"),
    ("The Israeli public security minister visited the site.", "The Israeli public security minister", "ISRGOV"),
    ("The Colombian labour ministry approved the wage rise.", "The Colombian labour ministry", "COLGOV"),
    ("The Nigerian petroleum ministry announced new licences.", "The Nigerian petroleum ministry", "NGAGOV"),
    ("The Indonesian religious affairs ministry issued a decree.", "The Indonesian religious affairs ministry", "IDNGOV"),
    ("The Somali planning minister signed the agreement.", "The Somali planning minister", "SOMGOV"),
    ("The Sudanese foreign ministry undersecretary met the envoy.", "The Sudanese foreign ministry undersecretary", "SDNGOV"),
    ("The Tunisian tourism minister welcomed the visitors.", "The Tunisian tourism minister", "TUNGOV"),
    ("The Libyan interior minister ordered an inquiry.", "The Libyan interior minister", "LBYGOV"),
    ("Nigerian customs officials seized the weapons.", "Nigerian customs officials", "NGAGOV"),
    ("Thai immigration officials detained the migrants.", "Thai immigration officials", "THAGOV"),
    ("The Israeli attorney general opened an investigation.", "The Israeli attorney general", "ISRGOV"),
    ("The Kenyan ruling party nominated a candidate.", "The Kenyan ruling party", "KENGOV"),
    ("The Kenyan central bank raised interest rates.", "The Kenyan central bank", "KENGOV"),
    ("Nigerian civil servants went on strike.", "Nigerian civil servants", "NGAGOV"),
    ("The official Egyptian newspaper praised the president.", "The official Egyptian newspaper", "EGYGOV"),
    ("Kenyan election officials began the count.", "Kenyan election officials", "KENGOV"),
    ("Nigerian electoral officials postponed the vote.", "Nigerian electoral officials", "NGAGOV"),
    ("Pakistani provincial officials ordered the evacuation.", "Pakistani provincial officials", "PAKGOV"),
    ("Indian local officials denied the report.", "Indian local officials", "INDGOV"),
    ("Afghan district officials said ten people died.", "Afghan district officials", "AFGGOV"),
    ("Iraqi provincial council members resigned.", "Iraqi provincial council members", "IRQGOV"),
    ("The Kenyan anti-corruption commission charged the governor.", "The Kenyan anti-corruption commission", "KENGOV"),
    ("The Nigerian anti-graft agency arrested the official.", "The Nigerian anti-graft agency", "NGAGOV"),
    ("The Egyptian national human rights council criticised the jail.", "The Egyptian national human rights council", "EGYGOV"),
    ("The Pakistani election commission delayed the vote.", "The Pakistani election commission", "PAKGOV"),
    ("The South African ombudsman criticised the president.", "The South African ombudsman", "ZAFGOV"),
    ("The Kenyan auditor general exposed the fraud.", "The Kenyan auditor general", "KENGOV"),
    ("The Indian tax authorities raided the offices.", "The Indian tax authorities", "INDGOV"),
    ("The Chinese customs agency seized the shipment.", "The Chinese customs agency", "CHNGOV"),
    ("Kenyan local leaders condemned the raid.", "Kenyan local leaders", "KENGOV"),
    ("The EFCC arrested the governor.", "The EFCC", "NGAGOV"),
    ("The Kenyan director general of police resigned.", "The Kenyan director general of police", "KENGOV"),
    # ---- LEG
    ("Kenyan lawmakers passed the bill.", "Kenyan lawmakers", "KENLEG"),
    ("Brazilian senators voted against the reform.", "Brazilian senators", "BRALEG"),
    ("British MPs debated the motion.", "British MPs", "GBRLEG"),
    ("The Indian upper house approved the law.", "The Indian upper house", "INDLEG"),
    ("Pakistani legislators criticised the army.", "Pakistani legislators", "PAKLEG"),
    ("Egyptian members of parliament demanded answers.", "Egyptian members of parliament", "EGYLEG"),
    ("The Nigerian senate rejected the nominee.", "The Nigerian senate", "NGALEG"),
    ("Iraqi parliamentarians walked out of the session.", "Iraqi parliamentarians", "IRQLEG"),
    ("The Kenyan national assembly approved the budget.", "The Kenyan national assembly", "KENLEG"),
    ("The Pakistani lower house passed the budget.", "The Pakistani lower house", "PAKLEG"),
    ("A Filipino congressman accused the police of abuses.", "A Filipino congressman", "PHLLEG"),
    ("The Egyptian parliamentary speaker welcomed the delegation.", "The Egyptian parliamentary speaker", "EGYLEG"),
    ("Thai opposition lawmakers walked out.", "Thai opposition lawmakers", "THALEG"),
    ("The Turkish opposition MPs walked out.", "The Turkish opposition MPs", "TURLEG"),
    ("The Italian chamber of deputies approved the law.", "The Italian chamber of deputies", "ITALEG"),
    ("The Nigerian house of representatives passed the bill.", "The Nigerian house of representatives", "NGALEG"),
    ("The Polish Sejm passed the law.", "The Polish Sejm", "POLLEG"),
    # ---- JUD
    ("Kenyan prosecutors charged the governor.", "Kenyan prosecutors", "KENJUD"),
    ("An Egyptian magistrate ordered the release of the reporter.", "An Egyptian magistrate", "EGYJUD"),
    ("The South African constitutional court ruled against the president.", "The South African constitutional court", "ZAFJUD"),
    ("The Pakistani public prosecutor appealed the verdict.", "The Pakistani public prosecutor", "PAKJUD"),
    ("A Turkish judge jailed the journalists.", "A Turkish judge", "TURJUD"),
    ("Brazilian federal judges ordered an investigation.", "Brazilian federal judges", "BRAJUD"),
    ("An Iranian revolutionary court sentenced the activist.", "An Iranian revolutionary court", "IRNJUD"),
    ("Egyptian defence lawyers walked out of court.", "Egyptian defence lawyers", "EGYJUD"),
    ("The Kenyan supreme court annulled the election.", "The Kenyan supreme court", "KENJUD"),
    ("An Indian anti-terrorism court convicted the men.", "An Indian anti-terrorism court", "INDJUD"),
    ("Thai state prosecutors indicted the former minister.", "Thai state prosecutors", "THAJUD"),
    ("A Pakistani high court judge granted bail.", "A Pakistani high court judge", "PAKJUD"),
    ("A Russian district court fined the company.", "A Russian district court", "RUSJUD"),
    ("Turkish public prosecutors sought life sentences.", "Turkish public prosecutors", "TURJUD"),
    ("The Zimbabwean electoral court dismissed the petition.", "The Zimbabwean electoral court", "ZWEJUD"),
    ("Pakistani lawyers boycotted the courts.", "Pakistani lawyers", "PAKJUD"),
    ("An Egyptian district court sentenced the men.", "An Egyptian district court", "EGYJUD"),
    ("A Brazilian federal judge blocked the decree.", "A Brazilian federal judge", "BRAJUD"),
    # ---- MIL
    ("The Pakistani defence ministry spokesman denied the report.", "The Pakistani defence ministry spokesman", "PAKMIL"),
    ("The Greek coast guard rescued 40 people.", "The Greek coast guard", "GRCMIL"),
    ("Libyan coast guards intercepted a boat.", "Libyan coast guards", "LBYMIL"),
    ("Malian gendarmes arrested the suspects.", "Malian gendarmes", "MLICOP"),
    ("Egyptian special forces stormed the building.", "Egyptian special forces", "EGYMIL"),
    ("Chinese paramilitary police patrolled the streets.", "Chinese paramilitary police", "CHNMIL"),
    ("Nigerian soldiers killed ten gunmen.", "Nigerian soldiers", "NGAMIL"),
    ("Indian paramilitary troops were deployed to the valley.", "Indian paramilitary troops", "INDMIL"),
    ("Iraqi counterterrorism forces raided a hideout.", "Iraqi counterterrorism forces", "IRQMIL"),
    ("Iranian revolutionary guards seized the tanker.", "Iranian revolutionary guards", "IRNMIL"),
    ("Filipino marines clashed with the rebels.", "Filipino marines", "PHLMIL"),
    ("Russian naval officers inspected the vessel.", "Russian naval officers", "RUSMIL"),
    ("Ukrainian army officers briefed the press.", "Ukrainian army officers", "UKRMIL"),
    ("Israeli air force jets struck the target.", "Israeli air force jets", "ISRMIL"),
    ("A Kenyan military spokesman confirmed the strike.", "A Kenyan military spokesman", "KENMIL"),
    ("An Egyptian army spokesman denied the claims.", "An Egyptian army spokesman", "EGYMIL"),
    ("Sudanese military authorities imposed a curfew.", "Sudanese military authorities", "SDNMIL"),
    ("Russian conscripts were sent to the front.", "Russian conscripts", "RUSMIL"),
    ("Iraqi army generals met the minister.", "Iraqi army generals", "IRQMIL"),
    ("The Sudanese paramilitary forces attacked the town.", "The Sudanese paramilitary forces", "SDNMIL"),
    ("Ukrainian prisoners of war were released.", "Ukrainian prisoners of war", "UKRMIL"),
    ("Frontier Corps troops killed militants.", "Frontier Corps troops", "PAKMIL"),
    ("Pakistani Rangers arrested the gunmen.", "Pakistani Rangers", "PAKMIL"),
    ("The Tatmadaw shelled the village.", "The Tatmadaw", "MMRMIL"),
    ("Kenya Defence Forces soldiers killed militants.", "Kenya Defence Forces soldiers", "KENMIL"),
    # ---- COP
    ("Turkish border guards shot two smugglers.", "Turkish border guards", "TURCOP"),
    ("Kenyan riot police fired tear gas at students.", "Kenyan riot police", "KENCOP"),
    ("Egyptian security officers arrested the activist.", "Egyptian security officers", "EGYCOP"),
    ("Turkish police officers detained 20 people.", "Turkish police officers", "TURCOP"),
    ("Kenyan prison officials denied the abuse.", "Kenyan prison officials", "KENCOP"),
    ("Afghan police recruits were killed in the blast.", "Afghan police recruits", "AFGCOP"),
    ("Egyptian border guards killed a smuggler.", "Egyptian border guards", "EGYCOP"),
    ("Saudi religious police detained the women.", "Saudi religious police", "SAUCOP"),
    ("Indian policemen beat the protesters.", "Indian policemen", "INDCOP"),
    ("Nigerian investigators questioned the former governor.", "Nigerian investigators", "NGACOP"),
    ("A Nigerian police spokesman said the suspects were held.", "A Nigerian police spokesman", "NGACOP"),
    ("The CRPF arrested five men in Kashmir.", "The CRPF", "INDCOP"),
    ("The Italian Carabinieri arrested the mafia boss.", "The Italian Carabinieri", "ITACOP"),
    # ---- SPY
    ("The Iranian intelligence ministry said it had detained spies.", "The Iranian intelligence ministry", "IRNSPY"),
    ("Pakistani intelligence agents detained the journalist.", "Pakistani intelligence agents", "PAKSPY"),
    ("Egyptian state security officers questioned the blogger.", "Egyptian state security officers", "EGYSPY"),
    ("The Turkish intelligence agency captured the suspect.", "The Turkish intelligence agency", "TURSPY"),
    ("Pakistani spies were expelled.", "Pakistani spies", "PAKSPY"),
    # ---- REB
    ("Malian jihadists attacked the base.", "Malian jihadists", "MLIREB"),
    ("Somali militants attacked the hotel.", "Somali militants", "SOMREB"),
    ("Colombian guerrillas released the hostages.", "Colombian guerrillas", "COLREB"),
    ("Indian Maoist rebels ambushed the patrol.", "Indian Maoist rebels", "INDREB"),
    ("Burmese coup plotters arrested the ministers.", "Burmese coup plotters", "MMRREB"),
    ("Myanmar ethnic rebels attacked the outpost.", "Myanmar ethnic rebels", "MMRREB"),
    ("Syrian rebel fighters seized the town.", "Syrian rebel fighters", "SYRREB"),
    ("Afghan Taliban fighters attacked the post.", "Afghan Taliban fighters", "AFGREB"),
    # ---- SEP
    ("Sri Lankan separatist leaders rejected the offer.", "Sri Lankan separatist leaders", "LKASEP"),
    # ---- UAF
    ("Nigerian gunmen kidnapped the students.", "Nigerian gunmen", "NGAUAF"),
    ("Congolese militiamen burned the village.", "Congolese militiamen", "CODUAF"),
    ("Afghan warlords met in Kabul.", "Afghan warlords", "AFGUAF"),
    ("Nigerian vigilantes killed five bandits.", "Nigerian vigilantes", "NGAUAF"),
    ("Somali clan militias clashed.", "Somali clan militias", "SOMUAF"),
    ("Burundian youth militias attacked villagers.", "Burundian youth militias", "BDIUAF"),
    # ---- OPP
    ("Zimbabwean opposition activists were arrested.", "Zimbabwean opposition activists", "ZWEOPP"),
    ("Russian dissidents criticised the war.", "Russian dissidents", "RUSOPP"),
    ("The Cambodian opposition party boycotted the vote.", "The Cambodian opposition party", "KHMOPP"),
    ("Venezuelan opposition leaders called for protests.", "Venezuelan opposition leaders", "VENOPP"),
    ("Ugandan opposition supporters clashed with police.", "Ugandan opposition supporters", "UGAOPP"),
    ("Belarusian pro-democracy activists were jailed.", "Belarusian pro-democracy activists", "BLROPP"),
    ("Iranian reformists criticised the crackdown.", "Iranian reformists", "IRNOPP"),
    ("Egyptian protesters marched on the ministry.", "Egyptian protesters", "EGYOPP"),
    ("Sudanese demonstrators blocked the road.", "Sudanese demonstrators", "SDNOPP"),
    ("Cuban political prisoners began a hunger strike.", "Cuban political prisoners", "CUBOPP"),
    ("Ugandan LGBT activists were arrested.", "Ugandan LGBT activists", "UGAOPP"),
    ("The main Egyptian opposition party boycotted the poll.", "The main Egyptian opposition party", "EGYOPP"),
    ("Malian mutineers seized the radio.", "Malian mutineers", "MLIOPP"),
    ("Syrian detainees were freed.", "Syrian detainees", "SYROPP"),
    ("Venezuelan exiles protested in Miami.", "Venezuelan exiles", "VENOPP"),
    # ---- CVL
    ("Afghan tribal elders met the governor.", "Afghan tribal elders", "AFGCVL"),
    ("Israeli settlers attacked the village.", "Israeli settlers", "ISRCVL"),
    ("Nepali migrant workers died in Qatar.", "Nepali migrant workers", "NPLCVL"),
    ("Somali clan elders mediated the dispute.", "Somali clan elders", "SOMCVL"),
    ("Palestinian prisoners went on hunger strike.", "Palestinian prisoners", "PSECVL"),
    ("Sudanese war victims received aid.", "Sudanese war victims", "SDNCVL"),
    # ---- REF
    ("Syrian refugees returned home.", "Syrian refugees", "SYRREF"),
    ("Eritrean migrants drowned off the coast.", "Eritrean migrants", "ERIREF"),
    ("Haitian asylum seekers were deported.", "Haitian asylum seekers", "HTIREF"),
    ("Sudanese displaced families arrived in the camp.", "Sudanese displaced families", "SDNREF"),
    ("Afghan returnees crossed the border.", "Afghan returnees", "AFGREF"),
    # ---- MED
    ("Turkish journalists denounced the arrests.", "Turkish journalists", "TURMED"),
    ("Iranian bloggers were detained.", "Iranian bloggers", "IRNMED"),
    ("Turkish newspaper editors were arrested.", "Turkish newspaper editors", "TURMED"),
    ("Egyptian state television reported the clashes.", "Egyptian state television", "EGYMED"),
    ("Chinese writers criticised the censors.", "Chinese writers", "CHNMED"),
    ("Kenyan newspaper publishers rejected the law.", "Kenyan newspaper publishers", "KENMED"),
    # ---- BUS
    ("Nigerian business leaders urged reform.", "Nigerian business leaders", "NGABUS"),
    ("Somali businessmen funded the militia.", "Somali businessmen", "SOMBUS"),
    ("Chinese state-owned companies won the contract.", "Chinese state-owned companies", "CHNBUS"),
    ("Turkish carmakers cut output.", "Turkish carmakers", "TURBUS"),
    ("South Korean automakers raised prices.", "South Korean automakers", "KORBUS"),
    ("An Indian airline suspended flights.", "An Indian airline", "INDBUS"),
    ("Egyptian shop owners closed their stores.", "Egyptian shop owners", "EGYBUS"),
    ("Kenyan landlords raised rents.", "Kenyan landlords", "KENBUS"),
    ("The Kenyan stock exchange fell.", "The Kenyan stock exchange", "KENBUS"),
    # ---- EDU
    ("Iranian students protested at the university.", "Iranian students", "IRNEDU"),
    ("Zimbabwean teachers demanded higher pay.", "Zimbabwean teachers", "ZWEEDU"),
    ("Kenyan university lecturers went on strike.", "Kenyan university lecturers", "KENEDU"),
    ("Nigerian university students blocked the road.", "Nigerian university students", "NGAEDU"),
    ("Egyptian academics signed the petition.", "Egyptian academics", "EGYEDU"),
    ("Russian economists warned of recession.", "Russian economists", "RUSEDU"),
    ("Iranian intellectuals signed a letter.", "Iranian intellectuals", "IRNEDU"),
    ("Afghan schoolgirls returned to classes.", "Afghan schoolgirls", "AFGEDU"),
    ("Pakistani schoolteachers went on strike.", "Pakistani schoolteachers", "PAKEDU"),
    ("Chinese university professors signed the letter.", "Chinese university professors", "CHNEDU"),
    # ---- HLH
    ("Kenyan doctors went on strike.", "Kenyan doctors", "KENHLH"),
    ("Egyptian nurses protested over pay.", "Egyptian nurses", "EGYHLH"),
    ("Kenyan health workers went on strike.", "Kenyan health workers", "KENHLH"),
    ("Nigerian social workers went on strike.", "Nigerian social workers", "NGAHLH"),
    ("Ugandan midwives protested.", "Ugandan midwives", "UGAHLH"),
    # ---- HRI
    ("Egyptian rights activists condemned the verdict.", "Egyptian rights activists", "EGYHRI"),
    ("Pakistani human rights defenders were threatened.", "Pakistani human rights defenders", "PAKHRI"),
    ("Iranian women's rights activists were jailed.", "Iranian women's rights activists", "IRNHRI"),
    # ---- LAB
    ("Nigerian trade unions called a strike.", "Nigerian trade unions", "NGALAB"),
    ("South African mineworkers marched to the mine.", "South African mineworkers", "ZAFLAB"),
    ("Iraqi municipal workers cleared the streets.", "Iraqi municipal workers", "IRQLAB"),
    ("Egyptian labour activists were arrested.", "Egyptian labour activists", "EGYLAB"),
    ("Iranian oil workers went on strike.", "Iranian oil workers", "IRNLAB"),
    ("Bangladeshi garment workers protested.", "Bangladeshi garment workers", "BGDLAB"),
    ("Kenyan transport workers went on strike.", "Kenyan transport workers", "KENLAB"),
    ("Greek dockworkers blocked the port.", "Greek dockworkers", "GRCLAB"),
    ("Indian textile workers struck.", "Indian textile workers", "INDLAB"),
    # ---- AGR
    ("Indian farmers blocked the highway.", "Indian farmers", "INDAGR"),
    ("Indian fishermen were arrested by the navy.", "Indian fishermen", "INDAGR"),
    ("Kenyan pastoralists clashed over grazing land.", "Kenyan pastoralists", "KENAGR"),
    ("Ethiopian herders crossed the border.", "Ethiopian herders", "ETHAGR"),
    ("Nigerian herdsmen attacked the village.", "Nigerian herdsmen", "NGAAGR"),
    ("South African white farmers protested.", "South African white farmers", "ZAFAGR"),
    ("Vietnamese fishing boats were seized.", "Vietnamese fishing boats", "VNMAGR"),
    ("Ghanaian cocoa farmers demanded higher prices.", "Ghanaian cocoa farmers", "GHAAGR"),
    ("Pakistani wheat growers protested.", "Pakistani wheat growers", "PAKAGR"),
    # ---- ENV
    ("Kenyan environmental activists sued the company.", "Kenyan environmental activists", "KENENV"),
    # ---- CRM
    ("Mexican drug cartels fought the army.", "Mexican drug cartels", "MEXCRM"),
    ("Somali pirates seized the ship.", "Somali pirates", "SOMCRM"),
    ("Colombian drug dealers killed a policeman.", "Colombian drug dealers", "COLCRM"),
    ("Mexican kidnappers freed the hostage.", "Mexican kidnappers", "MEXCRM"),
    ("Kenyan cattle rustlers killed two people.", "Kenyan cattle rustlers", "KENCRM"),
    ("Malian traffickers were arrested.", "Malian traffickers", "MLICRM"),
    ("Italian mafia bosses were convicted.", "Italian mafia bosses", "ITACRM"),
    # ---- REL
    ("Iraqi clerics called for calm.", "Iraqi clerics", "IRQREL"),
    ("Saudi religious scholars issued a fatwa.", "Saudi religious scholars", "SAUREL"),
    ("Egyptian Coptic priests condemned the attack.", "Egyptian Coptic priests", "EGYREL"),
    ("Pakistani Muslim clerics condemned the blasphemy.", "Pakistani Muslim clerics", "PAKREL"),
    ("Nigerian Christian leaders condemned the killings.", "Nigerian Christian leaders", "NGAREL"),
    ("Kenyan religious leaders urged calm.", "Kenyan religious leaders", "KENREL"),
    ("Pakistani pilgrims died in the crash.", "Pakistani pilgrims", "PAKREL"),
    # ---- ELI
    ("Nigerian traditional rulers urged calm.", "Nigerian traditional rulers", "NGAELI"),
    # ---- NGO
    ("Kenyan aid workers distributed food.", "Kenyan aid workers", "KENNGO"),
    ("Pakistani NGOs demanded an inquiry.", "Pakistani NGOs", "PAKNGO"),
    # ---- IGO
    ("A UN official in Kenya condemned the attack.", "A UN official in Kenya", "IGOUNO"),
    ("Red Cross workers in Syria delivered aid.", "Red Cross workers in Syria", "IGOIRC"),
]


@pytest.mark.parametrize(("sentence", "mention", "expected"), CASES, ids=[c[1] for c in CASES])
def test_generic_actor_resolves_to_its_sector(actors, sentence, mention, expected):
    found = actors(sentence)
    assert found.get(mention) == expected, found


def test_general_in_a_civilian_title_is_not_military(actors):
    # "general" alone is MIL; these titles are civilian offices.
    assert actors("The Kenyan auditor general criticised the ministry.")["The Kenyan auditor general"] == "KENGOV"
    assert actors("The Egyptian secretary general of the party resigned.")["The Egyptian secretary general of the party"] == "EGYGOV"


def test_defence_ministry_staff_follow_the_ministry(actors):
    # The ministry is MIL; its spokesman and officials speak for it. The minister stays GOV.
    assert actors("The Pakistani defence ministry spokesman denied the report.")["The Pakistani defence ministry spokesman"] == "PAKMIL"
    assert actors("The Pakistani defence minister denied the report.")["The Pakistani defence minister"] == "PAKGOV"


def test_national_institutions_without_a_country_word(actors):
    assert actors("The EFCC arrested the governor.")["The EFCC"] == "NGAGOV"
    assert actors("The Tatmadaw shelled the village.")["The Tatmadaw"] == "MMRMIL"
