"""A contract type for import-linter: apps talk to each other only through their public layers.

Inside ``qingshan``, a module of one app may import another app's ``models``, ``selectors``,
``services`` and ``enums`` (modules or packages of those names) and nothing else of it: forms,
filters, importers, exporters, views and the rest stay private to their app. Shared building
blocks live in ``core``, which every app may import freely. Composition roots that assemble the
apps (``qingshan.api``) and test packages are exempt.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import cast

import grimp
from importlinter import Contract, ContractCheck, fields, output


@dataclass(frozen=True)
class Crossing:
    importer: str
    imported: str
    line_numbers: tuple[int, ...]


class PublicLayersContract(Contract):
    """Configuration: ``apps_package`` (``qingshan``), ``public_layers`` (module names another
    app may import), ``shared_apps`` (apps every app may import whole, such as ``core``),
    ``exempt_importers`` (packages allowed to import anything) and ``exempt_layers`` (module
    names, in any app, allowed to import anything: tests)."""

    type_name = "public_layers"

    apps_package = fields.StringField()
    public_layers = fields.ListField(subfield=fields.StringField())
    shared_apps = fields.ListField(subfield=fields.StringField(), required=False)
    exempt_importers = fields.ListField(subfield=fields.StringField(), required=False)
    exempt_layers = fields.ListField(subfield=fields.StringField(), required=False)

    def _app_and_layer(self, module: str) -> tuple[str, str] | None:
        parts = module.split(".")
        root = str(self.apps_package).split(".")
        if parts[: len(root)] != root or len(parts) <= len(root):
            return None
        rest = parts[len(root) :]
        return rest[0], rest[1] if len(rest) > 1 else ""

    def _exempt(self, module: str) -> bool:
        located = self._app_and_layer(module)
        if located is not None and located[1] in set(cast(list[str], self.exempt_layers or [])):
            return True
        return any(
            module == prefix or module.startswith(prefix + ".")
            for prefix in cast(list[str], self.exempt_importers or [])
        )

    def check(self, graph: grimp.ImportGraph, verbose: bool) -> ContractCheck:
        public = set(cast(list[str], self.public_layers))
        shared = set(cast(list[str], self.shared_apps or []))
        crossings: list[Crossing] = []
        for importer in sorted(graph.modules):
            source = self._app_and_layer(importer)
            if source is None or self._exempt(importer):
                continue
            for imported in sorted(graph.find_modules_directly_imported_by(importer)):
                target = self._app_and_layer(imported)
                if target is None or target[0] in (source[0], *shared):
                    continue
                if target[1] in public:
                    continue
                details = graph.get_import_details(importer=importer, imported=imported)
                lines = tuple(sorted(detail["line_number"] for detail in details))
                crossings.append(Crossing(importer, imported, lines))
        return ContractCheck(kept=not crossings, metadata={"crossings": crossings})

    def render_broken_contract(self, check: ContractCheck) -> None:
        crossings: list[Crossing] = check.metadata["crossings"]
        output.print_error(
            f"{len(crossings)} import(s) reach into another app beyond "
            f"{', '.join(sorted(cast(list[str], self.public_layers)))}:",
            bold=True,
        )
        output.new_line()
        for crossing in crossings:
            lines = ", ".join(f"l.{number}" for number in crossing.line_numbers)
            output.print_error(
                f"- {crossing.importer} -> {crossing.imported} ({lines})", bold=False
            )
        output.new_line()
