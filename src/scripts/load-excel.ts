/**
 * exceljs's browser build, copied into the site as a file and loaded on the first spreadsheet export or import
 * (it sets window.ExcelJS); a failed load can be tried again.
 */
import type ExcelJSModule from 'exceljs';
import excelUrl from 'exceljs/dist/exceljs.min.js?url';

let excel: Promise<typeof ExcelJSModule> | undefined;

export function loadExcel(): Promise<typeof ExcelJSModule> {
  excel ??= new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = excelUrl;
    script.onload = () => resolve((window as unknown as { ExcelJS: typeof ExcelJSModule }).ExcelJS);
    script.onerror = () => {
      excel = undefined;
      reject(new Error('The spreadsheet library could not be loaded.'));
    };
    document.head.append(script);
  });
  return excel;
}
