/**
 * eSCL (Mopria / AirScan) XML: the scanner's capabilities and status read with fast-xml-parser
 * (namespace prefixes dropped, so `scan:` and `pwg:` elements read alike) and checked with zod;
 * the scan settings written as the protocol wants them. A scanner that answers with anything else
 * (garbage, HTML, a truncated document) gets `null`: the adapter turns that into an operator message.
 */
import { XMLParser } from 'fast-xml-parser';
import { z } from 'zod';
import type { ScanMode, ScanSource } from '../../ports/Scanner';

const parser = new XMLParser({
  removeNSPrefix: true,
  ignoreAttributes: true,
  parseTagValue: false,
  trimValues: true,
  // Elements that may repeat are always arrays, whatever one scanner sends.
  isArray: (name) => ['ColorMode', 'DiscreteResolution', 'DocumentFormat', 'DocumentFormatExt', 'SettingProfile', 'JobInfo', 'JobStateReason'].includes(name),
  processEntities: false,
});

const numberText = z.union([z.string(), z.number()]).transform((value) => Number(value)).pipe(z.number().finite().nonnegative());

const settingProfileSchema = z.object({
  ColorModes: z.object({ ColorMode: z.array(z.string()) }).optional(),
  SupportedResolutions: z
    .object({
      DiscreteResolutions: z.object({ DiscreteResolution: z.array(z.object({ XResolution: numberText, YResolution: numberText })) }).optional(),
      ResolutionRange: z.object({ XResolutionRange: z.object({ Min: numberText, Max: numberText }) }).optional(),
    })
    .optional(),
  DocumentFormats: z.object({ DocumentFormat: z.array(z.string()).optional(), DocumentFormatExt: z.array(z.string()).optional() }).optional(),
});

const inputCapsSchema = z.object({
  MaxWidth: numberText,
  MaxHeight: numberText,
  SettingProfiles: z.object({ SettingProfile: z.array(settingProfileSchema).min(1) }),
});

const capabilitiesSchema = z.object({
  ScannerCapabilities: z.object({
    MakeAndModel: z.string().optional(),
    Platen: z.object({ PlatenInputCaps: inputCapsSchema }).optional(),
    Adf: z.object({ AdfSimplexInputCaps: inputCapsSchema.optional(), AdfDuplexInputCaps: inputCapsSchema.optional() }).optional(),
  }),
});

export interface EsclInputCaps {
  /** In 1/300 inch. */
  readonly maxWidth: number;
  readonly maxHeight: number;
  /** eSCL colour modes as sent: RGB24, Grayscale8, BlackAndWhite1, … */
  readonly colorModes: readonly string[];
  readonly resolutions: readonly number[];
  readonly formats: readonly string[];
}

export interface EsclCapabilities {
  readonly makeAndModel: string | null;
  readonly platen: EsclInputCaps | null;
  readonly adf: EsclInputCaps | null;
  readonly adfDuplex: boolean;
}

/** The usual resolutions offered inside a continuous range. */
const RANGE_STEPS = [75, 100, 150, 200, 240, 300, 400, 600];

function inputCaps(raw: z.infer<typeof inputCapsSchema>): EsclInputCaps {
  const profiles = raw.SettingProfiles.SettingProfile;
  const colorModes = new Set<string>();
  const resolutions = new Set<number>();
  const formats = new Set<string>();
  for (const profile of profiles) {
    for (const mode of profile.ColorModes?.ColorMode ?? []) colorModes.add(mode);
    for (const resolution of profile.SupportedResolutions?.DiscreteResolutions?.DiscreteResolution ?? []) {
      if (resolution.XResolution === resolution.YResolution) resolutions.add(resolution.XResolution);
    }
    const range = profile.SupportedResolutions?.ResolutionRange?.XResolutionRange;
    if (range) for (const step of RANGE_STEPS) if (step >= range.Min && step <= range.Max) resolutions.add(step);
    for (const format of [...(profile.DocumentFormats?.DocumentFormat ?? []), ...(profile.DocumentFormats?.DocumentFormatExt ?? [])]) formats.add(format);
  }
  return { maxWidth: raw.MaxWidth, maxHeight: raw.MaxHeight, colorModes: [...colorModes], resolutions: [...resolutions].sort((a, b) => a - b), formats: [...formats] };
}

export function parseCapabilities(xml: string): EsclCapabilities | null {
  const parsed = capabilitiesSchema.safeParse(safeParse(xml));
  if (!parsed.success) return null;
  const caps = parsed.data.ScannerCapabilities;
  const adfCaps = caps.Adf?.AdfSimplexInputCaps ?? caps.Adf?.AdfDuplexInputCaps;
  const result: EsclCapabilities = {
    makeAndModel: caps.MakeAndModel ?? null,
    platen: caps.Platen ? inputCaps(caps.Platen.PlatenInputCaps) : null,
    adf: adfCaps ? inputCaps(adfCaps) : null,
    adfDuplex: caps.Adf?.AdfDuplexInputCaps !== undefined,
  };
  return result.platen || result.adf ? result : null;
}

const statusSchema = z.object({
  ScannerStatus: z.object({
    State: z.string(),
    AdfState: z.string().optional(),
    Jobs: z
      .union([
        z.object({
          JobInfo: z
            .array(
              z.object({
                JobUri: z.string().optional(),
                JobUuid: z.string().optional(),
                JobState: z.string().optional(),
                ImagesCompleted: numberText.optional(),
                JobStateReasons: z.object({ JobStateReason: z.array(z.string()).optional() }).optional(),
              }),
            )
            .optional(),
        }),
        z.literal(''),
      ])
      .optional(),
  }),
});

export interface EsclJobInfo {
  readonly uri: string | null;
  readonly state: string | null;
  readonly imagesCompleted: number | null;
  readonly reasons: readonly string[];
}

export interface EsclStatus {
  /** Idle, Processing, Testing, Stopped, Down. */
  readonly state: string;
  /** ScannerAdfLoaded, ScannerAdfEmpty, ScannerAdfJam, ScannerAdfDoorOpen, … (absent without a feeder). */
  readonly adfState: string | null;
  readonly jobs: readonly EsclJobInfo[];
}

export function parseStatus(xml: string): EsclStatus | null {
  const parsed = statusSchema.safeParse(safeParse(xml));
  if (!parsed.success) return null;
  const status = parsed.data.ScannerStatus;
  const jobs = typeof status.Jobs === 'object' ? (status.Jobs.JobInfo ?? []) : [];
  return {
    state: status.State,
    adfState: status.AdfState ?? null,
    jobs: jobs.map((job) => ({ uri: job.JobUri ?? null, state: job.JobState ?? null, imagesCompleted: job.ImagesCompleted ?? null, reasons: job.JobStateReasons?.JobStateReason ?? [] })),
  };
}

function safeParse(xml: string): unknown {
  if (xml.length > 2_000_000) return null;
  try {
    return parser.parse(xml);
  } catch {
    return null;
  }
}

export interface EsclScanSettings {
  readonly source: ScanSource;
  readonly duplex: boolean;
  readonly colorMode: string;
  readonly resolutionDpi: number;
  readonly format: string;
  /** In 1/300 inch. */
  readonly width: number;
  readonly height: number;
}

/** The eSCL colour mode for a requested mode, from what the input offers; null = not offered. */
export function colorModeFor(mode: ScanMode, offered: readonly string[]): string | null {
  const preference: Record<ScanMode, readonly string[]> = {
    color: ['RGB24'],
    gray: ['Grayscale8'],
    // The image pipeline binarises itself; a scanner without 1-bit mode scans gray for it.
    lineart: ['BlackAndWhite1', 'Grayscale8'],
  };
  return preference[mode].find((candidate) => offered.includes(candidate)) ?? null;
}

/** ScanSettings XML (eSCL 2.0). Every value is ours (enums and numbers), so nothing needs escaping. */
export function scanSettingsXml(settings: EsclScanSettings): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<scan:ScanSettings xmlns:scan="http://schemas.hp.com/imaging/escl/2011/05/03" xmlns:pwg="http://www.pwg.org/schemas/2010/12/sm">',
    '<pwg:Version>2.0</pwg:Version>',
    '<scan:Intent>TextAndGraphic</scan:Intent>',
    '<pwg:ScanRegions><pwg:ScanRegion>',
    `<pwg:Height>${Math.round(settings.height)}</pwg:Height><pwg:Width>${Math.round(settings.width)}</pwg:Width>`,
    '<pwg:XOffset>0</pwg:XOffset><pwg:YOffset>0</pwg:YOffset>',
    '<pwg:ContentRegionUnits>escl:ThreeHundredthsOfInches</pwg:ContentRegionUnits>',
    '</pwg:ScanRegion></pwg:ScanRegions>',
    `<pwg:InputSource>${settings.source === 'adf' ? 'Feeder' : 'Platen'}</pwg:InputSource>`,
    ...(settings.source === 'adf' ? [`<scan:Duplex>${settings.duplex ? 'true' : 'false'}</scan:Duplex>`] : []),
    `<scan:ColorMode>${settings.colorMode}</scan:ColorMode>`,
    `<scan:XResolution>${settings.resolutionDpi}</scan:XResolution><scan:YResolution>${settings.resolutionDpi}</scan:YResolution>`,
    `<pwg:DocumentFormat>${settings.format}</pwg:DocumentFormat>`,
    `<scan:DocumentFormatExt>${settings.format}</scan:DocumentFormatExt>`,
    '</scan:ScanSettings>',
  ].join('\n');
}
