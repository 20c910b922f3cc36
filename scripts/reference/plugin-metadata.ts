import { rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { transformFileSync } from '@swc/core';
import * as ts from 'typescript';
import { PluginMetadataGenerator } from '@nestjs/cli/lib/compiler/plugins/plugin-metadata-generator';
import { ReadonlyVisitor } from '@nestjs/swagger/plugin';

/** The file a service's route and DTO metadata is written to, beside its compiled `main.js`. */
export const PLUGIN_METADATA_FILE = 'openapi.metadata.ts';

const IS_TEST = /\.(spec|int-spec|e2e-spec)\.ts$|\/testing\/|\/test\//;

/**
 * Writes `dist/apps/<service>/src/openapi.metadata.js`: what the Swagger compiler plugin learns
 * from the service's DTOs (property types, optionality, the class-validator rules, the doc
 * comments) and controllers (response types), for a build that does not run the plugin (SWC).
 * Its imports are relative, so it sits in the compiled tree beside the files it imports.
 */
export function writePluginMetadata(root: string, service: string): string {
  const sourceDir = path.join(root, 'apps', service, 'src');
  const compiledDir = path.join(root, 'dist', 'apps', service, 'src');
  const config = ts.getParsedCommandLineOfConfigFile(
    path.join(root, 'tsconfig.json'),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
        throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
      },
    },
  );
  if (!config) throw new Error('tsconfig.json could not be read');
  const rootNames = config.fileNames.filter(
    (file) => file.startsWith(sourceDir + path.sep) && !IS_TEST.test(file),
  );
  const program = ts.createProgram({ rootNames, options: config.options });
  new PluginMetadataGenerator().generate({
    visitors: [
      new ReadonlyVisitor({
        pathToSource: sourceDir,
        classValidatorShim: true,
        introspectComments: true,
        dtoFileNameSuffix: ['.dto.ts'],
        controllerFileNameSuffix: ['.controller.ts'],
      }),
    ],
    outputDir: compiledDir,
    filename: PLUGIN_METADATA_FILE,
    tsProgramRef: program,
  });
  const typescriptFile = path.join(compiledDir, PLUGIN_METADATA_FILE);
  const compiled = transformFileSync(typescriptFile, { configFile: path.join(root, '.swcrc') });
  const javascriptFile = typescriptFile.replace(/\.ts$/, '.js');
  writeFileSync(javascriptFile, compiled.code);
  rmSync(typescriptFile);
  return javascriptFile;
}
