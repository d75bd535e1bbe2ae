/** The browser build of exceljs has the same API as the package's typed main entry. */
declare module 'exceljs/dist/exceljs.min.js' {
  import ExcelJS from 'exceljs';
  export default ExcelJS;
}
