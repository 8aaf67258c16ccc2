package fixture

import (
	"encoding/gob"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"os/exec"
	"reflect"

	"gopkg.in/yaml.v3"
)

type envelope struct {
	Name string
	Data any
}

type profile struct {
	Name string `json:"name" yaml:"name"`
}

type api struct{}

func gobInterface(w http.ResponseWriter, r *http.Request) {
	var v interface{}
	// ruleid: go/study/unsafe-deserialization
	gob.NewDecoder(r.Body).Decode(&v)
}

func gobStruct(w http.ResponseWriter, r *http.Request) {
	var p profile
	dec := gob.NewDecoder(r.Body)
	// ruleid: go/study/unsafe-deserialization
	dec.Decode(&p)
}

func yamlGeneric(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	var m map[string]interface{}
	// ruleid: go/study/unsafe-deserialization
	yaml.Unmarshal(body, &m)
	if hook, ok := m["hook"].(string); ok {
		// ruleid: go/study/unsafe-deserialization
		exec.Command("sh", "-c", hook).Run()
	}
}

func jsonGenericDispatch(w http.ResponseWriter, r *http.Request) {
	var m map[string]any
	// ruleid: go/study/unsafe-deserialization
	json.NewDecoder(r.Body).Decode(&m)
	// ruleid: go/study/unsafe-deserialization
	reflect.ValueOf(api{}).MethodByName(m["action"].(string)).Call(nil)
	// ok: go/study/unsafe-deserialization
	exec.Command("convert", m["file"].(string), "out.png").Run()
}

func yamlEnvelope(w http.ResponseWriter, r *http.Request) {
	var e envelope
	// ruleid: go/study/unsafe-deserialization
	yaml.NewDecoder(r.Body).Decode(&e)
}

func typed(w http.ResponseWriter, r *http.Request) {
	var p profile
	// ok: go/study/unsafe-deserialization
	yaml.NewDecoder(r.Body).Decode(&p)
	body, _ := io.ReadAll(r.Body)
	var q profile
	// ok: go/study/unsafe-deserialization
	json.Unmarshal(body, &q)
}

func localState() {
	var v interface{}
	f, _ := os.Open("state.gob")
	// ok: go/study/unsafe-deserialization
	gob.NewDecoder(f).Decode(&v)
}
