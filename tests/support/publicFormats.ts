/**
 * Files in the public download formats, made the way the real tools make them: the header and
 * sample lines are copied from /work/shared/public-formats.md (verbatim where that file quotes a
 * real download), with rows added in the same shape for the Netherlands, symbols and flags.
 */

/** UTF-8 with a BOM, as CBS StatLine writes its CSV downloads. */
export function utf8Bom(text: string): Uint8Array {
  const body = new TextEncoder().encode(text);
  const bytes = new Uint8Array(body.length + 3);
  bytes.set([0xef, 0xbb, 0xbf]);
  bytes.set(body, 3);
  return bytes;
}

/**
 * CBS StatLine (old Statweb), long layout, table 83102NED: lines 1–17 verbatim (title line, column
 * names, "Afghaans " with its trailing space, the year total 2013 between the months, "2014  februari"),
 * then rows of the same shape with a provisional month, a quarter, the symbols and the footer.
 */
export const CBS_LONG = [
  '"Asielverzoeken en nareizigers, nationaliteit, geslacht en leeftijd"',
  '"Geslacht","Leeftijd","Nationaliteit","Onderwerpen_1","Perioden","Waarde eenheid","Waarde"',
  '"Mannen","0 tot 5 jaar","Afghaans ","Totaal asielverzoeken","2013 januari","aantal","5"',
  '"Mannen","0 tot 5 jaar","Afghaans ","Totaal asielverzoeken","2013 februari","aantal","0"',
  '"Mannen","0 tot 5 jaar","Afghaans ","Totaal asielverzoeken","2013 maart","aantal","5"',
  '"Mannen","0 tot 5 jaar","Afghaans ","Totaal asielverzoeken","2013 april","aantal","5"',
  '"Mannen","0 tot 5 jaar","Afghaans ","Totaal asielverzoeken","2013 mei","aantal","10"',
  '"Mannen","0 tot 5 jaar","Afghaans ","Totaal asielverzoeken","2013 juni","aantal","5"',
  '"Mannen","0 tot 5 jaar","Afghaans ","Totaal asielverzoeken","2013 juli","aantal","10"',
  '"Mannen","0 tot 5 jaar","Afghaans ","Totaal asielverzoeken","2013 augustus","aantal","0"',
  '"Mannen","0 tot 5 jaar","Afghaans ","Totaal asielverzoeken","2013 september","aantal","0"',
  '"Mannen","0 tot 5 jaar","Afghaans ","Totaal asielverzoeken","2013 oktober","aantal","5"',
  '"Mannen","0 tot 5 jaar","Afghaans ","Totaal asielverzoeken","2013 november","aantal","0"',
  '"Mannen","0 tot 5 jaar","Afghaans ","Totaal asielverzoeken","2013 december","aantal","5"',
  '"Mannen","0 tot 5 jaar","Afghaans ","Totaal asielverzoeken","2013","aantal","45"',
  '"Mannen","0 tot 5 jaar","Afghaans ","Totaal asielverzoeken","2014 januari","aantal","5"',
  '"Mannen","0 tot 5 jaar","Afghaans ","Totaal asielverzoeken","2014  februari","aantal","0"',
  '"Mannen","0 tot 5 jaar","Afghaans ","Totaal asielverzoeken","2014 september ","aantal","."',
  '"Vrouwen","65 jaar of ouder","Syrisch ","Totaal asielverzoeken","2016 januari*","aantal","x"',
  '"Vrouwen","65 jaar of ouder","Syrisch ","Totaal asielverzoeken","2017 2e kwartaal*","aantal","-"',
  '"Totaal mannen en vrouwen","Totaal","Totaal nationaliteiten","Eerste asielverzoeken","2017 augustus*","aantal","1890"',
  '"Vrouwen","65 jaar of ouder","Syrisch ","Totaal asielverzoeken","2017 augustus*","aantal","veel"',
  '"© Centraal Bureau voor de Statistiek, Den Haag/Heerlen 15-10-2017"',
  '',
].join('\r\n');

/**
 * CBS StatLine "CSV volgens tabelindeling": `;`, UTF-8 with BOM, title line, the periods across the
 * columns (months, a year total between them, a provisional month and quarter), a units row, the
 * symbols, and the "Bron: CBS" footer.
 */
export const CBS_TABLE = [
  '"Asielverzoeken en nareizigers; nationaliteit, geslacht en leeftijd"',
  '"Onderwerpen";"Nationaliteit";"Geslacht";"2019 december";"2019";"2020 januari";"2020 februari*";"2020 1e kwartaal*"',
  '"";"";"";"aantal";"aantal";"aantal";"aantal";"aantal"',
  '"Eerste asielverzoeken";"Totaal nationaliteiten";"Totaal mannen en vrouwen";"1715";"22535";"1970";"1515";"4510"',
  '"Eerste asielverzoeken";"Syrisch";"Mannen";"400";"x";"-";"350";"."',
  '"Eerste asielverzoeken";"Syrisch";"Vrouwen";"210";"2600";"veel";"180";"."',
  '"Nareizigers";"Totaal nationaliteiten";"Totaal mannen en vrouwen";"640";"7380";"700";"470";"1295"',
  '"Bron: CBS"',
  '',
].join('\r\n');

/**
 * Eurostat dissemination API TSV of migr_asyappctzm (monthly asylum applicants): the layout of
 * public-formats.md §2a (key column `…,geo\TIME_PERIOD`, a trailing space after every period and
 * value, `:` for missing, flags after a space), three countries.
 */
export const EUROSTAT_TSV = [
  'freq,unit,citizen,sex,age,applicant,geo\\TIME_PERIOD\t2020-01 \t2020-02 \t2020-03 ',
  'M,PER,SY,T,TOTAL,NASY_APP,BE\t200 \t185 \t: ',
  'M,PER,SY,T,TOTAL,NASY_APP,NL\t515 \t410 \t270 p',
  'M,PER,TOTAL,T,TOTAL,NASY_APP,NL\t1970 \t1515 \t1025 p',
  'M,PER,AF,T,TOTAL,NASY_APP,NL\t: \t95 e\t: c',
  'M,PER,TOTAL,T,TOTAL,NASY_APP,EU27_2020\t60480 \t55180 \t: ',
  '',
].join('\n');

/** public-formats.md §2a verbatim: the first lines of env_wasmun, and its NL row (flags i, b, e, p). */
export const EUROSTAT_TSV_VERBATIM = [
  'freq,wst_oper,unit,geo\\TIME_PERIOD\t2010 \t2011 \t2012 \t2013 \t2014 \t2015 \t2016 \t2017 \t2018 \t2019 \t2020 \t2021 \t2022 \t2023 \t2024 ',
  'A,DSP_I,KG_HAB,AL\t: \t: \t: \t29 \t13 \t12 \t14 \t7 \t9 \t1 \t0 \t0 \t0 \t0 \t: ',
  'A,DSP_I,KG_HAB,AT\t0 \t0 \t0 \t0 \t0 \t0 \t0 \t0 \t0 \t0 i\t1 b\t1 \t0 \t0 \t: ',
  'A,DSP_I,KG_HAB,CZ\t0 e\t0 e\t0 e\t0 e\t0 e\t0 e\t0 e\t0 b\t0 \t0 \t0 \t0 \t0 \t0 \t: ',
  'A,DSP_I,KG_HAB,NL\t110 \t43 \t7 \t6 \t6 \t6 \t6 \t5 \t5 \t5 \t5 \t5 p\t5 p\t5 \t5 ',
  '',
].join('\n');

/**
 * Eurostat SDMX-CSV 1.0 of migr_asyappctzm (the header of public-formats.md §4b): one observation
 * per row, a flag in OBS_FLAG, an empty OBS_VALUE for a suppressed one, two countries.
 */
export const SDMX_CSV = [
  'DATAFLOW,LAST UPDATE,freq,unit,citizen,sex,age,asyl_app,geo,TIME_PERIOD,OBS_VALUE,OBS_FLAG,CONF_STATUS',
  'ESTAT:MIGR_ASYAPPCTZM(1.0),11/11/22 23:00:00,M,PER,TOTAL,T,TOTAL,ASY_APP,NL,2021-11,3175,,',
  'ESTAT:MIGR_ASYAPPCTZM(1.0),11/11/22 23:00:00,M,PER,TOTAL,T,TOTAL,ASY_APP,NL,2021-12,2565,p,',
  'ESTAT:MIGR_ASYAPPCTZM(1.0),11/11/22 23:00:00,M,PER,SY,T,TOTAL,ASY_APP,NL,2021-12,,,C',
  'ESTAT:MIGR_ASYAPPCTZM(1.0),11/11/22 23:00:00,M,PER,TOTAL,T,TOTAL,ASY_APP,AT,2021-12,2980,,',
  'ESTAT:MIGR_ASYAPPCTZM(1.0),11/11/22 23:00:00,M,PER,TOTAL,T,TOTAL,ASY_APP,NL,2021-13,12,,',
  '',
].join('\r\n');

/**
 * public-formats.md §3b: a Eurostat-derived CSV with the months across the columns (`Y2015M01`, …;
 * an empty cell is not yet reported), its first lines verbatim, with a Netherlands row added.
 */
export const MONTHS_ACROSS_CSV = [
  'CITIZEN,GEO,Y2015M01,Y2015M02,Y2015M03,Y2015M04,Y2015M05,Y2015M06,Y2015M07,Y2015M08,Y2015M09,Y2015M10,Y2015M11,Y2015M12',
  'Afghanistan,Austria,635,420,580,775,1505,1830,2765,1910,2315,3965,,',
  'Afghanistan,Belgium,200,135,130,155,185,325,410,470,595,1370,2160,',
  'Afghanistan,Netherlands,40,35,45,50,60,80,120,220,560,1300,1800,',
  '',
].join('\n');

/** public-formats.md §4a verbatim (MIGR_RESFIRST and LFSA_ARGAN fixtures, France only). */
export const SDMX_CSV_VERBATIM = [
  'DATAFLOW,LAST UPDATE,freq,unit,sex,age,citizen,geo,TIME_PERIOD,OBS_VALUE,OBS_FLAG,CONF_STATUS',
  'ESTAT:LFSA_ARGAN(1.0),11/06/26 23:00:00,A,PC,T,Y15-64,FOR,FR,2021,66.5,bd,',
  'ESTAT:LFSA_ARGAN(1.0),11/06/26 23:00:00,A,PC,T,Y15-64,FOR,FR,2022,66.6,d,',
  '',
].join('\n');
