#include "core/view/labels.hpp"

namespace nr {

Labels labels_for(Lang lang) {
    switch (lang) {
        case Lang::Uk:
            return {"Назад", "ЧИТАЙТЕ ТАКОЖ", "Детальніше \xE2\x80\xBA", "У цього матеріалу немає тексту.",
                    "Не вдалося прочитати текст матеріалу: "};
        case Lang::En: break;
    }
    return {"Back", "RELATED", "Read more \xE2\x80\xBA", "This story has no text.",
            "This story's text could not be read: "};
}

}  // namespace nr
