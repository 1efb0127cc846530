"""Breadth of the event lexicon (issue 3): CAMEO sub-codes and phrasings, on invented sentences.

Each sentence below exercises a family of patterns added for breadth: what
an accusation, investigation, appeal, demand, promise or aid cut is about
refines the CAMEO code, and a few verb and noun phrasings that news uses for
a code ("spoke by phone with", "paid compensation to", "held X as human
shields").  Every sentence failed with the lexicon before these patterns.
"""

from __future__ import annotations

import pytest


SUB_CODES_AND_PHRASINGS = [
        # 112x: what the target is accused of ("of"/"with" slot, noun modifiers)
        ("Brazilian prosecutors accused the former Brazilian president of corruption.", ("1121", "BRAJUD", "BRAELI")),
        ("Amnesty accused Myanmar of human rights abuses.", ("1122", "NGOAMN", "MMR")),
        ("Ukraine accused Russia of aggression.", ("1123", "UKR", "RUS")),
        ("Ukraine accused Russia of war crimes.", ("1124", "UKR", "RUS")),
        ("Iran accused Britain of spying.", ("1125", "IRN", "GBR")),
        ("Russia charged the American journalist with espionage.", ("1125", "RUS", "USAMED")),
        ("China suspected the Japanese businessman of spying.", ("1125", "CHN", "JPNBUS")),
        ("Malaysian prosecutors leveled corruption allegations against the former prime minister.", ("1121", "MYSJUD", "MYSELI")),
        # 09x: what is investigated, also in a "for" slot
        ("Brazilian prosecutors investigated the former Brazilian president for corruption.", ("091", "BRAJUD", "BRAELI")),
        ("The ICC investigated Sudan for war crimes.", ("094", "IGOICC", "SDN")),
        ("Turkish police questioned the German suspects.", ("091", "TURCOP", "DEU")),
        # 02x / 10x: two-word objects of appeals and demands
        ("Georgia asked NATO for closer military cooperation.", ("0212", "GEO", "IGONAT")),
        ("Ukraine asked Germany for air defence systems.", ("0232", "UKR", "DEU")),
        ("Ukraine appealed to the United States for military aid.", ("0232", "UKR", "USA")),
        ("Sudan appealed to the United Nations for food aid.", ("0233", "SDN", "IGOUNO")),
        ("Somalia called for an African Union peacekeeping force.", ("0234", "SOM", "IGOOAU")),
        ("Iran called for sanctions relief from the United States.", ("0254", "IRN", "USA")),
        ("Namibia called for reparations from Germany.", ("025", "NAM", "DEU")),
        ("Ukraine demanded military aid from Germany.", ("1032", "UKR", "DEU")),
        ("The United States demanded security cooperation from Pakistan.", ("1012", "USA", "PAK")),
        # 041: telephone contacts
        ("The Russian president held phone talks with the French president.", ("041", "RUSGOV", "FRAGOV")),
        ("The Russian president spoke by phone with the French president.", ("041", "RUSGOV", "FRAGOV")),
        ("The Iranian foreign minister talked by telephone with his Iraqi counterpart.", ("041", "IRNGOV", "IRQGOV")),
        ("The Chinese president had a phone conversation with the American president.", ("041", "CHNGOV", "USAGOV")),
        # 03x: what is promised or offered
        ("Germany pledged 500 million euros to Ukraine.", ("0331", "DEU", "UKR")),
        ("Britain pledged tanks to Ukraine.", ("0332", "GBR", "UKR")),
        ("The United States promised military aid to Israel.", ("0332", "USA", "ISR")),
        ("The United States promised food aid to Somalia.", ("0333", "USA", "SOM")),
        ("The Egyptian president promised political reforms to the opposition.", ("034", "EGYGOV", "EGYOPP")),
        ("The Thai prime minister promised the opposition early elections.", ("0341", "THAGOV", "THAOPP")),
        ("China offered investments to Kenya.", ("0311", "CHN", "KEN")),
        # 080: compensation and reparations paid
        ("Iraq paid reparations to Kuwait.", ("080", "IRQ", "KWT")),
        ("Germany has paid compensation to Israel.", ("080", "DEU", "ISR")),
        # 162x: the kind of aid cut
        ("The WFP suspended food aid to Ethiopia.", ("1623", "IGOUNOWFP", "ETH")),
        ("The United States suspended military aid to Egypt.", ("1622", "USA", "EGY")),
        # other phrasings
        ("Germany raised concerns with China about human rights.", ("110", "DEU", "CHN")),
        ("The American president threatened further action against Russia.", ("130", "USAGOV", "RUS")),
        ("Brazil performed joint exercises with Argentina.", ("062", "BRA", "ARG")),
        ("Syrian rebels held Syrian villagers as human shields.", ("184", "SYRREB", "SYRCVL")),
        ("The Syrian army dropped chlorine bombs on Syrian rebels.", ("2041", "SYRMIL", "SYRREB")),
        ("Turkish police prevented the Kurdish opposition rally.", ("170", "TURCOP", "TUROPP")),
]


SUB_CODES_NARROW = [
        # "question" codes an interrogation only with a person questioned
        ("Russia questioned the legitimacy of the Ukrainian election.", "09"),
        # "prevent" codes only the prevention of a protest
        ("Egypt prevented the spread of the virus.", "17"),
        # a phone talk is a call, never a negotiation
        ("The Russian president held phone talks with the French president.", "04x6"),
]


BREADTH_ROUND_ONE = [
        # 01: symbolic acts
        ("The Japanese prime minister laid a wreath for the victims of the Turkish earthquake.", ("017", "JPNGOV", "TURCVL")),
        # 04: contacts and meals with a partner
        ("The Saudi government contacted Iran.", ("040", "SAUGOV", "IRN")),
        ("The French president hosted a dinner for the Indian prime minister.", ("040", "FRAGOV", "INDGOV")),
        ("The Indian prime minister had a lunch with the French president.", ("040", "INDGOV", "FRAGOV")),
        # 05: normalisation and praise named as nouns
        ("India and China announced the normalization of ties.", ("050", "IND", "CHN")),
        ("Germany received plaudits from Ukraine for its support.", ("051", "UKR", "DEU")),
        # 06 / 07: information passed on, aid rushed or released, asylum and protection
        ("Britain relayed intelligence to Ukraine.", ("064", "GBR", "UKR")),
        ("Japan rushed aid to Turkey.", ("073", "JPN", "TUR")),
        ("The World Bank released funds to Sri Lanka.", ("071", "IGOUNOWBK", "LKA")),
        ("Germany granted asylum to the Russian dissidents.", ("075", "DEU", "RUSOPP")),
        ("France provided protection to the Lebanese journalist.", ("074", "FRA", "LBNMED")),
        # 08: compensation and clemency
        ("Israel compensated the Turkish families.", ("080", "ISR", "TURCVL")),
        ("The Iranian government granted clemency to the French prisoner.", ("0841", "IRNGOV", "FRACVL")),
        # 13 / 14: intimidation, barricades, work stoppages
        ("The Russian army cowed the Ukrainian villagers.", ("130", "RUSMIL", "UKRCVL")),
        ("Protesters barricaded the French parliament.", ("144", "FRAOPP", "FRALEG")),
        ("Workers staged a stoppage against the Nigerian government.", ("143", "NGALAB", "NGAGOV")),
        # 15: troop surges and encroachment
        ("China surged troops to the Indian border.", ("154", "CHN", "IND")),
        ("China increased its military presence near Taiwan.", ("154", "CHN", "TWN")),
        ("Chinese coast guard vessels encroached on Philippine waters.", ("150", "CHNMIL", "PHL")),
        # 16: disinvitation, exclusion, recall
        ("Germany disinvited the Russian ambassador.", ("160", "DEU", "RUSGOV")),
        ("The EU announced the exclusion of Russia from the programme.", ("160", "IGOEEC", "RUS")),
        ("Russia announced the recall of its ambassador from Moldova.", ("161", "RUS", "MDA")),
        # 17: surveillance, dispossession, expulsions (the expelled decide the code)
        ("Chinese police spied on the Uyghur activists.", ("170", "CHNCOP", "CHNOPP")),
        ("Israeli authorities dispossessed Palestinian families.", ("1711", "ISRGOV", "PSECVL")),
        ("Iran announced the expulsion of two German diplomats.", ("161", "IRN", "DEUGOV")),
        # 18 / 19: assaults and attacks
        ("Russian soldiers kicked Ukrainian prisoners.", ("182", "RUSMIL", "UKR")),
        ("Militants carjacked the Nigerian official.", ("181", "NGAREB", "NGAGOV")),
        ("Russian forces hammered Ukrainian positions.", ("190", "RUSMIL", "UKR")),
        ("Indian troops opened heavy firing on Pakistani positions.", ("190", "INDMIL", "PAK")),
]


@pytest.mark.parametrize(
    "text",
    [
        # "kick", "increase", "surge", "scare" code only with people or forces as their object
        "The Brazilian team kicked the ball into the net.",
        "Apple increased its presence in India.",
        "The company surged ahead of Samsung.",
        "He was scared by the news.",
    ],
)
def test_more_breadth_patterns_stay_narrow(code, text):
    assert not code(text), code(text)


BREADTH_ROUND_TWO = [
        # modifiers that move an attack to its CAMEO sub-code
        ("The Syrian army carried out a mass murder of Syrian civilians.", ("202", "SYRMIL", "SYRCVL")),
        ("Syria launched a nuclear attack on Israel.", ("2042", "SYR", "ISR")),
        ("Afghan militants carried out a roadside bomb attack on the Afghan army.", ("1833", "AFGREB", "AFGMIL")),
        ("Russia carried out artillery strikes on Ukrainian positions.", ("194", "RUS", "UKR")),
        ("The Taliban claimed responsibility for the blast at the Pakistani police station.", ("183", "AFGREB", "PAKCOP")),
        # crowds: sit-ins, storming and blocking in protest; forces blocking roads restrict movement
        ("Students staged a sit-in outside the Egyptian parliament.", ("141", "EGYEDU", "EGYLEG")),
        ("Egyptian protesters stormed the Israeli embassy.", ("145", "EGYOPP", "ISR")),
        ("Iranian protesters ransacked the Saudi embassy.", ("145", "IRNOPP", "SAUGOV")),
        ("Iranian protesters set fire to the Saudi embassy.", ("145", "IRNOPP", "SAUGOV")),
        ("Russian soldiers looted Ukrainian homes.", ("1711", "RUSMIL", "UKRCVL")),
        ("Serbian farmers blocked the motorway to protest the Serbian government.", ("144", "SRBAGR", "SRBGOV")),
        ("Egyptian police blocked the road to the Israeli embassy.", ("191", "EGYCOP", "ISRGOV")),
        # 11x: criticism, blame and accusations
        ("Israeli jets blasted Hamas positions.", ("195", "ISRMIL", "PSEREB")),  # jets as subject: an air attack
        ("The Russian president laid the blame on NATO.", ("112", "RUSGOV", "IGONAT")),
        ("Turkey accused Greece of airspace violations.", ("1123", "TUR", "GRC")),
        ("Brazilian prosecutors accused the Brazilian president of abuse of power.", ("112", "BRAJUD", "BRAGOV")),
        ("The French president dressed down the Italian ambassador.", ("111", "FRAGOV", "ITAGOV")),
        ("Israel faced a backlash from Turkey over the raid.", ("111", "TUR", "ISR")),
        # earlier breadth patterns that had not fired
        ("Russian troops reoccupied Ukrainian villages.", ("192", "RUSMIL", "UKRCVL")),
        ("Boko Haram butchered civilians in Nigeria.", ("202", "NGAREB", "NGA")),
        ("The United States imposed a freeze on aid to Afghanistan.", ("162", "USA", "AFG")),
        ("Chinese police quizzed the Australian journalists.", ("091", "CHNCOP", "AUS")),
        ("Qatar interceded between Israel and Hamas.", ("045", "QAT", "PSEREB")),
        ("Saudi Arabia has thawed ties with Iran.", ("050", "SAU", "IRN")),
        ("France joined forces with Germany against Russia.", ("060", "FRA", "DEU")),
        ("Rioters rampaged against the Indian police.", ("145", "INDCVL", "INDCOP")),
        # 12x: the kind of proposal or cooperation rejected
        ("Hamas rejected the Israeli ceasefire proposal.", ("1246", "PSEREB", "ISR")),
        ("Russia rejected the Turkish mediation offer.", ("126", "RUS", "TUR")),
        ("Argentina turned down the IMF bailout.", ("1211", "ARG", "IGOIMF")),
        ("The Indian government rejected military cooperation with Pakistan.", ("1212", "INDGOV", "PAK")),
        ("Mali refused the French peacekeeping mission.", ("1224", "MLI", "FRA")),
        # "ruled out ... against X" rejects; only "ruled against X" is a verdict
        ("Britain ruled out sanctions against China.", ("120", "GBR", "CHN")),
        ("The Kenyan Supreme Court ruled against the Kenyan government.", ("116", "KENJUD", "KENGOV")),
        # 110/111: disapproval voiced
        ("Germany expressed disappointment with Hungary over the veto.", ("110", "DEU", "HUN")),
        ("The Chinese government voiced fury at Japan.", ("111", "CHNGOV", "JPN")),
        # 116: sentences handed down or imposed by a court
        ("A Ghanaian court handed down prison sentences to two opposition politicians.", ("116", "GHAJUD", "GHAOPP")),
        ("The Ghanaian Supreme Court handed down convictions against five former ministers.", ("116", "GHAJUD", "GHAELI")),
        ("A Ghanaian court imposed a ten-year sentence on the opposition leader.", ("116", "GHAJUD", "GHAOPP")),
        # suspending an attack or a restriction eases it (087, 081x, 085), not a cut in relations
        ("The Turkish army suspended airstrikes on Kurdish rebels.", ("087", "TURMIL", "TURREB")),
        ("The Turkish government suspended the curfew on Kurdish opposition activists.", ("0813", "TURGOV", "TUROPP")),
        ("The Turkish government suspended the ban on Kurdish opposition parties.", ("081", "TURGOV", "TUROPP")),
        ("The EU suspended sanctions against Belarus.", ("085", "IGOEEC", "BLR")),
        # "beat" a single person or a leader (an opponent beaten by the state is repression, 175)
        ("Peruvian soldiers beat an opposition leader in Cusco.", ("175", "PERMIL", "PEROPP")),
        # 192: seizing areas of a country occupies territory
        ("Sudanese rebels seized large areas of Darfur.", ("192", "SDNREB", "SDN")),
        # "announced the suspension of" ties, talks, aid: what is suspended refines the cut
        ("Ghana announced the suspension of diplomatic ties with Togo.", ("161", "GHA", "TGO")),
        ("Ghana announced the suspension of peace talks with Togo.", ("164", "GHA", "TGO")),
        ("Ghana announced the suspension of military aid to Togo.", ("1622", "GHA", "TGO")),
        # "prohibit"/"forbid" ban as "ban" does (172, 1721)
        ("The Kenyan government prohibited Ugandan journalists from entering the courthouse.", ("172", "KENGOV", "UGAMED")),
        ("Kenyan authorities have forbidden opposition rallies in Nairobi.", ("1721", "KENGOV", "KENOPP")),
        # martial law imposed (1724) or threatened (1324)
        ("The Thai government imposed martial law in Bangkok.", ("1724", "THAGOV", "THACVL")),
        ("The Thai army threatened to impose martial law in Bangkok.", ("1324", "THAMIL", "THACVL")),
        # paraphrase probe: supplies and fuel halted are aid cuts, food supplies humanitarian (1623)
        ("The United States halted food supplies to Yemen.", ("1623", "USA", "YEM")),
        ("Saudi Arabia cut off fuel to Lebanon.", ("162", "SAU", "LBN")),
        ("Egypt stopped fuel supplies to Gaza.", ("162", "EGY", "PSE")),
        # dismissing a motion or a referendum rejects it; "junk" as "dismiss"
        ("The Kenyan speaker dismissed the opposition's motion.", ("120", "KENLEG", "KENOPP")),
        ("The Moldovan government dismissed the separatists' referendum.", ("120", "MDAGOV", "MDASEP")),
        ("The Russian government junked the American peace plan.", ("127", "RUSGOV", "USA")),
        # a military presence boosted near an adversary is a build-up (154)
        ("Russia boosted its troop presence near the Ukrainian border.", ("154", "RUS", "UKR")),
        ("China strengthened its naval presence near Taiwan.", ("154", "CHN", "TWN")),
        ("NATO reinforced its military presence in Estonia.", ("154", "IGONAT", "EST")),
        ("Russia expanded its military presence near the Polish border.", ("154", "RUS", "POL")),
        # deporting or ordering out envoys, inspectors, aid workers, peacekeepers: the expel codes
        ("Sudan deported the UN inspectors.", ("1662", "SDN", "IGOUNO")),
        ("Russia deported two American diplomats.", ("161", "RUS", "USA")),
        ("Ethiopia ordered out the UN aid workers.", ("1663", "ETH", "IGOUNO")),
        ("Mali kicked out the UN peacekeepers.", ("1661", "MLI", "IGOUNO")),
        # a freeze of aid is an aid cut (162), of assets a sanction (163)
        ("The United States announced a freeze of aid to the Palestinians.", ("162", "USA", "PSE")),
        # calling off a mediation halts it (165)
        ("Qatar called off its mediation between Israel and Hamas.", ("165", "QAT", "PSEREB")),
        ("Egypt called off its mediation efforts between Israel and Hamas.", ("165", "EGY", "PSEREB")),
        # skipping or shunning a summit is a boycott of it (the codes of `boycott`)
        ("The Japanese prime minister skipped the ASEAN summit.", ("161", "JPNGOV", "IGOASN")),
        ("The Syrian opposition skipped the talks with the Syrian government.", ("164", "SYROPP", "SYRGOV")),
        ("The Indian prime minister shunned the ASEAN summit.", ("161", "INDGOV", "IGOASN")),
        # antiquities handed back are property returned (0842)
        ("Italy repatriated the stolen antiquities to Greece.", ("0842", "ITA", "GRC")),
        # an arrest warrant charges (173)
        ("The ICC issued an arrest warrant for the Russian president.", ("173", "IGOICC", "RUSGOV")),
        ("Argentina issued arrest warrants against Iranian officials.", ("173", "ARG", "IRNGOV")),
        # military, air and bombing campaigns are attacks
        ("Saudi Arabia launched a bombing campaign against Houthi rebels.", ("195", "SAU", "YEMREB")),
        ("Russia launched an air campaign against Syrian rebels.", ("195", "RUS", "SYRREB")),
        ("Israel launched a military campaign against Hamas.", ("190", "ISR", "PSEREB")),
        ("The Nigerian army threatened a military campaign against Boko Haram.", ("138", "NGAMIL", "NGAREB")),
        # "be on alert" raises the alert as "remain on alert" does (152)
        ("Russian troops were on high alert near the Ukrainian border.", ("152", "RUSMIL", "UKR")),
        ("The Indian army is on alert along the Pakistani border.", ("152", "INDMIL", "PAK")),
        # a diplomat declared persona non grata is expelled (161)
        ("Estonia declared a Russian diplomat persona non grata.", ("161", "EST", "RUSGOV")),
]


BREADTH_ROUND_TWO_NARROW = [
        # "blast" the verb is criticism only of actors; "butcher" needs victims
        ("The Brazilian striker blasted the ball into the net.", "11"),
        ("The butcher sold meat in Nigeria.", "20"),
        # "stormed out of the talks" walks out (164), it attacks no one
        ("The Iranian delegation stormed out of the talks with Britain.", "19"),
        # a military stand-down is no resignation
        ("Armenian forces stood down from the Azerbaijani border.", "08"),
        # "ruled out sanctions" is no verdict
        ("Britain ruled out sanctions against China.", "116"),
        # "abuse of power" is a crime (112x), not a rights abuse
        ("Brazilian prosecutors accused the Brazilian president of abuse of power.", "1122"),
        # "beat" a team is no assault; "handed down" a ruling or a title is no verdict
        ("The Kenyan team beat Uganda in the final.", "18"),
        ("A Kenyan judge handed down a ruling on the land dispute.", "116"),
        # suspended aid stays an aid cut
        ("The EU suspended aid to Belarus.", "08"),
        # a rule or a law that prohibits is no actor's ban; suspending a player cuts no relations
        ("The Kenyan constitution prohibits the president from seeking a third term.", "17"),
        ("Kenya's new rules prohibit smoking in public places.", "17"),
        ("The league announced the suspension of the Ghanaian striker for three matches.", "16"),
        # only martial law is 1724: a new law imposed on traders is not
        ("The Thai government imposed a new law on Cambodian traders.", "1724"),
        ("Thailand adopted a law on protests in Bangkok.", "17"),
        # paraphrase probe: other senses of the words above
        ("The company halted production at its plant in Ohio.", "16"),
        ("Rebels cut off the road to the capital.", "16"),
        ("The Iraqi prime minister dismissed the army chief.", "12"),
        ("The Russian government junked its old tanks.", "12"),
        ("India boosted its economy.", "05"),
        ("The United States bolstered the Ukrainian forces.", "15"),
        ("The company expanded its presence in India.", "15"),
        ("The Kenyan government boosted police presence in Nairobi.", "15"),
        ("The hiring freeze angered Kenyan unions.", "16"),
        ("The French president skipped the press conference.", "16"),
        ("The Indian prime minister skipped lunch.", "16"),
        ("Egypt called off the search for the missing sailors.", "16"),
        ("The Kenyan opposition launched a campaign against the Kenyan president.", "19"),
        ("The Indian government launched a vaccination campaign.", "19"),
        ("Kenyan police obtained a search warrant for the opposition leader's house.", "17"),
        ("The Nigerian president is on a visit to China.", "15"),
        ("The United Nations declared the Israeli occupation illegal.", "17"),
]


def test_reaching_a_consensus_is_agreeing_to_cooperate(code):
    found = {(e["source"]["code"], e["cameo"], e["target"]["code"]) for e in code("Iran and Iraq reached a consensus on water sharing.")}
    assert found == {("IRN", "030", "IRQ"), ("IRQ", "030", "IRN")}
    assert not code("There is a broad consensus among Iraqi economists.")


@pytest.mark.parametrize(("text", "expected"), SUB_CODES_AND_PHRASINGS + BREADTH_ROUND_ONE + BREADTH_ROUND_TWO)
def test_breadth_patterns_code_these_sentences(code, text, expected):
    found = {(e["cameo"], (e["source"] or {}).get("code"), (e["target"] or {}).get("code")) for e in code(text)}
    assert expected in found, found


@pytest.mark.parametrize(("text", "root"), SUB_CODES_NARROW + BREADTH_ROUND_TWO_NARROW)
def test_breadth_patterns_stay_narrow(code, text, root):
    codes = {e["cameo"] for e in code(text)}
    if root == "04x6":
        assert "046" not in codes
    else:
        assert not any(c.startswith(root) for c in codes), codes
