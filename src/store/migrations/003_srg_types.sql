-- SRG type codes named in the domain description. A municipality's functional administrator
-- adds the rest of CBS's current code list (table srg_type) before mapping its catalogue.
INSERT INTO srg_type (code, name) VALUES
  (23, 'Proefplaatsing t.b.v. loonwaardebepaling'),
  (29, 'Overige werkplekken'),
  (30, 'Jobcoach / begeleiding op de werkplek'),
  (31, 'Werkplekaanpassing'),
  (59, 'Overige faciliterende voorziening');
